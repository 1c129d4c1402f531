package dev.kubepci.store;

/**
 * The status of an area or a practice in a stored assessment.
 *
 * @param id the area ({@code 1}) or practice ({@code 1.1}) id
 * @param area the area it belongs to (its own id for an area)
 * @param status PASS, FAIL, MANUAL, NOT_APPLICABLE or NOT_ASSESSED
 */
public record Verdict(String id, String area, String status) {}
