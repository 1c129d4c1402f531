/**
 * The assessment history: JSON reports recorded per cluster in an embedded H2 database or in PostgreSQL.
 *
 * <h2>Contract (for the command line and the server)</h2>
 * <ul>
 *   <li>{@link dev.kubepci.store.AssessmentStore#open(StoreLocation)} opens a store and migrates its schema
 *       (Flyway, {@code db/kubepci-store/V*.sql}, one set of migrations for both databases). Locations come from
 *       {@link dev.kubepci.store.StoreLocation#parse}: no URL is the embedded H2 database
 *       {@code $XDG_DATA_HOME/kubepci/history} (else {@code ~/.local/share/kubepci/history}); {@code jdbc:postgresql:}
 *       and {@code jdbc:h2:} URLs are taken as they are. A module with its own tables passes its own Flyway location
 *       to {@link dev.kubepci.store.AssessmentStore#open(StoreLocation, java.util.List)} and numbers its migrations
 *       from 100; it reaches them through {@link dev.kubepci.store.AssessmentStore#dataSource()}.</li>
 *   <li>{@link dev.kubepci.store.AssessmentStore#record} takes the bytes of a JSON report ({@code kubepci scan
 *       --format json}) and the cluster to file it under. It is idempotent by the report's SHA-256 per cluster
 *       ({@link dev.kubepci.store.Recorded#created()} false), and stores nothing for a report that is not one
 *       ({@link dev.kubepci.store.StoreException.BadReport}). Several processes may record into one PostgreSQL
 *       database at once: each cluster's row is locked while its assessment is added.</li>
 *   <li>{@link dev.kubepci.store.AssessmentStore#exportJson} gives back the same bytes (same SHA-256);
 *       {@link dev.kubepci.store.AssessmentStore#loadReport} the result model every reporter takes, identical to the
 *       scan's when the assessment was recorded with its {@link dev.kubepci.store.ReportExtras}.</li>
 *   <li>{@link dev.kubepci.store.AssessmentStore#assessments}, {@link dev.kubepci.store.AssessmentStore#clusters},
 *       {@link dev.kubepci.store.AssessmentStore#verdicts} and {@link dev.kubepci.store.AssessmentStore#findings}
 *       (filtered, paged, in report order) answer the history and the pages without reading whole reports.</li>
 *   <li>Every failure is a {@link dev.kubepci.store.StoreException} whose message is one line naming the store
 *       with its password left out; an unknown id is {@link dev.kubepci.store.StoreException.UnknownAssessment}.</li>
 * </ul>
 *
 * <h2>Storage grows with change</h2>
 * A report is kept as a skeleton (its top-level fields, every object or array a reference to a content-addressed
 * part shared by every assessment with the same part) and its findings. Each finding is normalised (the tool
 * version it repeats and a live cluster's collection time become references to the skeleton) and stored once per
 * content as a {@code finding_version}; a {@code finding_span} says that a cluster had that version from one
 * assessment of its sequence to another ({@code last_seq} null while it is still present). A finding unchanged
 * across 365 daily scans is therefore one version row and one span row with its first-seen and last-seen; a
 * finding whose content changes (severity, status, observed value, object version) starts a new version and span.
 * Area and practice statuses are kept the same way ({@code verdict_span}). An array of objects (practices, rules,
 * tables, areas, waivers) is stored element by element, each element a part and the array a list part naming them
 * in order, so a scan in which two practices' finding counts changed adds those two practices and one list. What
 * grows per scan is one {@code assessment} row (identity, counts, skeleton) and the parts that changed.
 *
 * <p>Assessments recorded before arrays were stored element by element name a whole array as one part; the read
 * path reads both layouts (a test rewrites a stored skeleton to the old layout and exports it byte for byte), so they
 * are kept as they are: converting them would win back part of the space their whole arrays take, but needs Java
 * (JSON, gzip, SHA-256) in a Flyway migration that rewrites every stored assessment and deletes parts at the first
 * start of a new version, on H2 and on a PostgreSQL that several server replicas share, while the space in question
 * stops growing as soon as the new version records. New assessments use the new layout from their first scan on.
 */
package dev.kubepci.store;
