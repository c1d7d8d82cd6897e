package org.duban.standalone.storage;

import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fact is immutable: the database itself refuses to change or remove an event. */
class AppendOnlyEventTableTest extends ScenarioTest {

    @Test
    void the_event_table_refuses_update_delete_and_truncate() {
        String id = raise("不可篡改");
        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload_type = 'x' where aggregate_identifier = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .hasMessageContaining("append-only");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void payloads_metadata_and_tokens_are_bytea_not_large_objects() {
        assertThat(jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where (table_name, column_name) in (('domain_event_entry','payload'), ('domain_event_entry','meta_data'),
                    ('snapshot_event_entry','payload'), ('token_entry','token')) and data_type = 'bytea'""", String.class))
                .hasSize(4);
    }

    @Test
    void the_actor_correlation_and_client_address_are_metadata_not_payload() {
        String id = raise("元数据");
        String meta = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, id);
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, id);
        assertThat(meta).contains("\"userId\":\"inspector\"", "\"role\":\"INSPECTOR\"", "\"department\":\"DISCIPLINE\"",
                "\"correlationId\"", "\"clientAddress\"");
        assertThat(payload).doesNotContain("inspector").doesNotContain("clientAddress");
    }
}
