package org.duban.api.bulletin;

/** The events of a bulletin (通报), all about one bulletin. */
public sealed interface BulletinEvent permits BulletinDrafted, BulletinEntryAdded, BulletinPublished {
    String bulletinId();
}
