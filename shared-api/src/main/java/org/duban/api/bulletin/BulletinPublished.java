package org.duban.api.bulletin;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A bulletin was published with these entries, in the order they were added; it is immutable from now on. */
@Revision("1")
public record BulletinPublished(String bulletinId, String title, String period, List<BulletinEntry> entries)
        implements BulletinEvent {

    public BulletinPublished {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
