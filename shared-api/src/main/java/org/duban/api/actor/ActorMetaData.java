package org.duban.api.actor;

/**
 * Keys of the audit metadata every command and event carries. Who, from where and in which
 * conversation travel as metadata, never in payloads (CONVENTIONS 7).
 */
public final class ActorMetaData {
    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String DEPARTMENT = "department";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CLIENT_ADDRESS = "clientAddress";

    private ActorMetaData() {
    }
}
