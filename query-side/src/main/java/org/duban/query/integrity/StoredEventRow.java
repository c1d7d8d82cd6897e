package org.duban.query.integrity;

import org.duban.api.integrity.CanonicalEvent;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a row of domain_event_entry into its canonical bytes ({@link CanonicalEvent}). */
final class StoredEventRow {
    /** The columns of domain_event_entry that make up the canonical form, in canonical order. */
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private StoredEventRow() {
    }

    /** The canonical bytes of the current row of a result set selecting {@link #COLUMNS} (by name). */
    static byte[] canonical(ResultSet row) throws SQLException {
        return CanonicalEvent.bytes(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                row.getBytes("payload"), row.getBytes("meta_data"));
    }
}
