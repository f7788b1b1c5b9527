package com.contactsynchub.coupling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import com.contactsynchub.link.LinkType;

/** Tables coupling_run and coupling_proposal (V21). Every change of a run's state is a compare-and-set on its owner. */
@Repository
public class CouplingRuns {

    private static final String RUN_COLUMNS = """
            coupling_id, link_type, dry_run, create_contacts, master, origin, state, owner_id, lease, records_total,
            actions_total, actions_done, rules, started_at, apply_started_at, heartbeat_at, finished_at, summary""";
    private static final String PROPOSAL_COLUMNS = """
            seq, record_no, record_name, category, rule_name, contact_no, candidates, reason, action, message_id,
            state, outcome, outcome_detail""";

    private final NamedParameterJdbcTemplate jdbc;

    public CouplingRuns(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CouplingRun run) {
        jdbc.update("insert into coupling_run (" + RUN_COLUMNS + ") values (:couplingId, :linkType, :dryRun, "
                + ":createContacts, :master, :origin, :state, :ownerId, :lease, :recordsTotal, :actionsTotal, "
                + ":actionsDone, :rules, :startedAt, :applyStartedAt, :heartbeatAt, :finishedAt, :summary)",
                new MapSqlParameterSource()
                        .addValue("couplingId", run.couplingId())
                        .addValue("linkType", run.linkType().wireName())
                        .addValue("dryRun", run.dryRun())
                        .addValue("createContacts", run.createContacts())
                        .addValue("master", run.master())
                        .addValue("origin", run.origin())
                        .addValue("state", run.state())
                        .addValue("ownerId", run.ownerId())
                        .addValue("lease", run.lease())
                        .addValue("recordsTotal", run.recordsTotal())
                        .addValue("actionsTotal", run.actionsTotal())
                        .addValue("actionsDone", run.actionsDone())
                        .addValue("rules", run.rules())
                        .addValue("startedAt", run.startedAt())
                        .addValue("applyStartedAt", run.applyStartedAt())
                        .addValue("heartbeatAt", run.heartbeatAt())
                        .addValue("finishedAt", run.finishedAt())
                        .addValue("summary", run.summary()));
    }

    public Optional<CouplingRun> find(String couplingId) {
        return jdbc.query("select " + RUN_COLUMNS + " from coupling_run where coupling_id = :id",
                Map.of("id", couplingId), CouplingRuns::run).stream().findFirst();
    }

    public List<CouplingRun> latest(int limit) {
        return jdbc.query("select " + RUN_COLUMNS + " from coupling_run order by started_at desc fetch first :limit "
                + "rows only", Map.of("limit", limit), CouplingRuns::run);
    }

    /** Runs left matching or applying by a hub whose heartbeat stopped before {@code staleBefore}. */
    public List<CouplingRun> abandoned(OffsetDateTime staleBefore) {
        return jdbc.query("select " + RUN_COLUMNS + " from coupling_run where state in ('matching', 'applying') "
                + "and heartbeat_at < :staleBefore order by started_at", Map.of("staleBefore", staleBefore),
                CouplingRuns::run);
    }

    /**
     * Takes the run over if it is still at {@code lease} (nobody else took it since it was read): the new owner,
     * the next lease, a fresh heartbeat, and the state it goes on in.
     */
    public boolean claim(String couplingId, long lease, String ownerId, String state, OffsetDateTime now) {
        return jdbc.update("""
                update coupling_run set owner_id = :ownerId, lease = lease + 1, state = :state, heartbeat_at = :now,
                       apply_started_at = coalesce(apply_started_at, :applyStartedAt)
                where coupling_id = :id and lease = :lease
                """, new MapSqlParameterSource("id", couplingId).addValue("lease", lease).addValue("ownerId", ownerId)
                .addValue("state", state).addValue("now", now)
                .addValue("applyStartedAt", CouplingRun.APPLYING.equals(state) ? now : null,
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)) == 1;
    }

    /** @return false when another hub has taken the run over: this one must stop */
    public boolean heartbeat(String couplingId, String ownerId, long lease, int actionsDone, OffsetDateTime now) {
        return jdbc.update("""
                update coupling_run set heartbeat_at = :now, actions_done = :done
                where coupling_id = :id and owner_id = :ownerId and lease = :lease
                """, new MapSqlParameterSource("id", couplingId).addValue("ownerId", ownerId).addValue("lease", lease)
                .addValue("done", actionsDone).addValue("now", now)) == 1;
    }

    public boolean matched(String couplingId, String ownerId, long lease, int recordsTotal, int actionsTotal,
            String state, OffsetDateTime now) {
        return jdbc.update("""
                update coupling_run set records_total = :records, actions_total = :actions, state = :state,
                       heartbeat_at = :now, finished_at = :finishedAt, apply_started_at = :applyStartedAt
                where coupling_id = :id and owner_id = :ownerId and lease = :lease
                """, new MapSqlParameterSource("id", couplingId).addValue("ownerId", ownerId).addValue("lease", lease)
                .addValue("records", recordsTotal).addValue("actions", actionsTotal).addValue("state", state)
                .addValue("now", now)
                .addValue("finishedAt", CouplingRun.PROPOSED.equals(state) ? now : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("applyStartedAt", CouplingRun.APPLYING.equals(state) ? now : null,
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)) == 1;
    }

    public boolean finish(String couplingId, String ownerId, long lease, String state, int actionsDone,
            String summary, OffsetDateTime now) {
        return jdbc.update("""
                update coupling_run set state = :state, actions_done = :done, summary = :summary, heartbeat_at = :now,
                       finished_at = :now
                where coupling_id = :id and owner_id = :ownerId and lease = :lease
                """, new MapSqlParameterSource("id", couplingId).addValue("ownerId", ownerId).addValue("lease", lease)
                .addValue("state", state).addValue("done", actionsDone).addValue("summary", summary)
                .addValue("now", now)) == 1;
    }

    /** A restarted matching begins from scratch: nothing was applied before it ended. */
    public void deleteProposals(String couplingId) {
        jdbc.update("delete from coupling_proposal where coupling_id = :id", Map.of("id", couplingId));
    }

    public void insertProposals(String couplingId, List<StoredProposal> proposals) {
        SqlParameterSource[] rows = proposals.stream().map(p -> new MapSqlParameterSource()
                .addValue("id", couplingId)
                .addValue("seq", p.seq())
                .addValue("recordNo", p.proposal().recordNo())
                .addValue("recordName", p.proposal().recordName())
                .addValue("category", p.proposal().category().wireName())
                .addValue("rule", p.proposal().rule())
                .addValue("contactNo", p.proposal().contactNo())
                .addValue("candidates", p.proposal().candidates().isEmpty() ? null
                        : cut(String.join(",", p.proposal().candidates()), 2000))
                .addValue("reason", cut(p.proposal().reason(), 1000))
                .addValue("action", p.proposal().action().wireName())
                .addValue("messageId", p.messageId())
                .addValue("state", p.state())).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into coupling_proposal (coupling_id, seq, record_no, record_name, category, rule_name,"
                + " contact_no, candidates, reason, action, message_id, state) values (:id, :seq, :recordNo, "
                + ":recordName, :category, :rule, :contactNo, :candidates, :reason, :action, :messageId, :state)",
                rows);
    }

    /** The next proposals to apply, in the order of the report. */
    public List<StoredProposal> pending(String couplingId, int limit) {
        return jdbc.query("select " + PROPOSAL_COLUMNS + " from coupling_proposal where coupling_id = :id and "
                + "state = 'pending' order by seq fetch first :limit rows only",
                new MapSqlParameterSource("id", couplingId).addValue("limit", limit), CouplingRuns::proposal);
    }

    /** The outcome of one applied proposal. */
    public record AppliedRow(int seq, String outcome, String detail) {
    }

    public void appliedAll(String couplingId, List<AppliedRow> rows) {
        jdbc.batchUpdate("""
                update coupling_proposal set state = 'done', outcome = :outcome, outcome_detail = :detail
                where coupling_id = :id and seq = :seq
                """, rows.stream().map(r -> new MapSqlParameterSource("id", couplingId).addValue("seq", r.seq())
                .addValue("outcome", r.outcome()).addValue("detail", cut(r.detail(), 1000)))
                .toArray(SqlParameterSource[]::new));
    }

    public int countDone(String couplingId) {
        return jdbc.queryForObject("select count(*) from coupling_proposal where coupling_id = :id and state = 'done'",
                Map.of("id", couplingId), Integer.class);
    }

    /** Proposals per category, in the categories' order. */
    public Map<String, Integer> categories(String couplingId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Arrays.stream(Proposal.Category.values()).forEach(c -> counts.put(c.wireName(), 0));
        jdbc.query("select category, count(*) as n from coupling_proposal where coupling_id = :id group by category",
                Map.of("id", couplingId), rs -> {
                    counts.put(rs.getString("category"), rs.getInt("n"));
                });
        return counts;
    }

    /** Applied proposals per outcome. */
    public Map<String, Integer> outcomes(String couplingId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("select outcome, count(*) as n from coupling_proposal where coupling_id = :id and outcome is not "
                + "null group by outcome order by outcome", Map.of("id", couplingId), rs -> {
                    counts.put(rs.getString("outcome"), rs.getInt("n"));
                });
        return counts;
    }

    /** Every proposal of the run in order, one at a time (the report of a big run is not held in memory). */
    public void forEach(String couplingId, Consumer<StoredProposal> action) {
        jdbc.query("select " + PROPOSAL_COLUMNS + " from coupling_proposal where coupling_id = :id order by seq",
                Map.of("id", couplingId), rs -> {
                    action.accept(proposal(rs, 0));
                });
    }

    private static CouplingRun run(ResultSet rs, int i) throws SQLException {
        return new CouplingRun(rs.getString("coupling_id"),
                LinkType.fromWireName(rs.getString("link_type")).orElseThrow(), rs.getBoolean("dry_run"),
                rs.getBoolean("create_contacts"), rs.getString("master"), rs.getString("origin"),
                rs.getString("state"), rs.getString("owner_id"), rs.getLong("lease"), rs.getInt("records_total"),
                rs.getInt("actions_total"), rs.getInt("actions_done"), rs.getString("rules"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("apply_started_at", OffsetDateTime.class),
                rs.getObject("heartbeat_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("summary"));
    }

    private static StoredProposal proposal(ResultSet rs, int i) throws SQLException {
        String candidates = rs.getString("candidates");
        Proposal proposal = new Proposal(rs.getString("record_no"), rs.getString("record_name"),
                Proposal.Category.fromWireName(rs.getString("category")), rs.getString("rule_name"),
                rs.getString("contact_no"), candidates == null ? List.of() : List.of(candidates.split(",")),
                rs.getString("reason"), Proposal.Action.fromWireName(rs.getString("action")));
        return new StoredProposal(rs.getInt("seq"), proposal, rs.getString("message_id"), rs.getString("state"),
                rs.getString("outcome"), rs.getString("outcome_detail"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
