package org.duban.query.metrics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads feedback_fact: the return visits the three rates and the rankings count. */
@Repository
public class FeedbackFacts {
    private final JdbcTemplate jdbc;

    FeedbackFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per owner department (at the time of the visit) and in total (the row with {@code total}),
     * the visits recorded in [{@code from}, {@code to}) that the system knew at {@code knownAt}.
     */
    public List<FeedbackTally> byDepartment(Instant from, Instant to, Instant knownAt) {
        return tallies(new MetricsFilter(null, null, null, from, to), knownAt);
    }

    List<FeedbackTally> tallies(MetricsFilter filter, Instant knownAt) {
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(knownAt));
        String where = filter.feedback(args);
        return jdbc.query("""
                        select owner_department, grouping(owner_department) = 1 as total, count(*) as records,
                            count(*) filter (where contacted) as contacted, count(*) filter (where resolved) as resolved,
                            count(*) filter (where satisfaction = 'SATISFIED') as satisfied,
                            count(*) filter (where satisfaction = 'BASICALLY_SATISFIED') as basically
                        from feedback_fact where recorded_at <= ?""" + where + """
                        
                        group by grouping sets ((owner_department), ())""",
                FeedbackFacts::tally, args.toArray());
    }

    private static FeedbackTally tally(ResultSet rs, int i) throws SQLException {
        return new FeedbackTally(rs.getString("owner_department"), rs.getBoolean("total"), rs.getLong("records"),
                rs.getLong("contacted"), rs.getLong("resolved"), rs.getLong("satisfied"), rs.getLong("basically"));
    }
}
