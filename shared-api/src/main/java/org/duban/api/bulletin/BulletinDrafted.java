package org.duban.api.bulletin;

import org.axonframework.serialization.Revision;

/** A bulletin was drafted for a period ({@code yyyy-MM}). */
@Revision("1")
public record BulletinDrafted(String bulletinId, String title, String period) implements BulletinEvent {
}
