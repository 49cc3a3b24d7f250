package org.helpline.directory;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.helpline.outage.LastGoodCopy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The active resources, grouped by category in reading order. Kept in memory as a {@link LastGoodCopy}, so callers
 * never wait on the database and hear the list while it is down; a change made on the supervisors' pages is heard
 * on the next call.
 */
@Singleton
public class Directory {

    private final LastGoodCopy<List<Resource>> active;

    Directory(ResourceRepository repository, @Value("${helpline.database.copy-fresh-for:2s}") Duration freshFor) {
        this.active = new LastGoodCopy<>("resource directory", freshFor, repository::findByActiveTrueOrderByPosition);
    }

    /** Read before the first call, so no caller waits for it (or goes without it if the database then fails). */
    @EventListener
    void readAtStartUp(StartupEvent started) {
        active.get();
    }

    /** After a change on this instance: the next call reads it. */
    public void changed() {
        active.changed();
    }

    /** The groups that have at least one resource; nothing when the directory cannot be read. */
    public Optional<Map<ResourceCategory, List<Resource>>> grouped() {
        Optional<List<Resource>> read = active.get();
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<Resource> resources = read.get();

        Map<ResourceCategory, List<Resource>> groups = new LinkedHashMap<>();
        for (ResourceCategory category : ResourceCategory.values()) {
            List<Resource> inCategory = new ArrayList<>();
            for (Resource resource : resources) {
                if (resource.category().equals(category.code())) {
                    inCategory.add(resource);
                }
            }
            if (!inCategory.isEmpty()) {
                groups.put(category, inCategory);
            }
        }
        return Optional.of(groups);
    }
}
