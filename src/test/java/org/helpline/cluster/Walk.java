package org.helpline.cluster;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A whole call, step by step, with the summary it must leave behind and, for a call that asks to be called back,
 * the number the request must hold.
 */
record Walk(String name, List<Step> steps, Summary summary, @Nullable String callBackTo) {

    Walk(String name, Summary summary, Step... steps) {
        this(name, List.of(steps), summary, null);
    }

    Walk callingBack(String number) {
        return new Walk(name, steps, summary, number);
    }

    @Override
    public String toString() {
        return name;
    }
}
