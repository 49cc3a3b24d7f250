package org.helpline.directory;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The active resources, grouped by category in reading order. Read from the database on every call so that a
 * supervisor's change is heard on the next call.
 */
@Singleton
public class Directory {

    private static final Logger LOG = LoggerFactory.getLogger(Directory.class);

    private final ResourceRepository repository;

    Directory(ResourceRepository repository) {
        this.repository = repository;
    }

    /** The groups that have at least one resource; nothing when the directory cannot be read. */
    public Optional<Map<ResourceCategory, List<Resource>>> grouped() {
        List<Resource> resources;
        try {
            resources = repository.findByActiveTrueOrderByPosition();
        } catch (RuntimeException e) {
            LOG.warn("Resource directory unreadable: {}", e.toString());
            return Optional.empty();
        }

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
