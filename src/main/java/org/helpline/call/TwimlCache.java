package org.helpline.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * TwiML documents that are the same for every call that asks with the same key (a menu of prompts in a given
 * state, the greeting, a wait message for a place in line), written on first use and then answered from memory.
 * Building and serialising TwiML with the SDK was most of the cost of answering such a request. Bounded, so that
 * keys a caller can vary (answers in the URL, a place in line) never fill the heap: past the bound, documents are
 * written afresh each time, exactly as before.
 *
 * @param <K> what the document depends on; a record, so equal keys mean equal documents
 */
public final class TwimlCache<K> {

    private final int maxDocuments;
    private final Map<K, String> documents = new ConcurrentHashMap<>();

    public TwimlCache(int maxDocuments) {
        this.maxDocuments = maxDocuments;
    }

    /** The document for {@code key}, written by {@code write} the first time it is asked for. */
    public String get(K key, Supplier<String> write) {
        String known = documents.get(key);
        if (known != null) {
            return known;
        }

        String written = write.get();
        if (documents.size() < maxDocuments) {
            documents.putIfAbsent(key, written);
        }
        return written;
    }
}
