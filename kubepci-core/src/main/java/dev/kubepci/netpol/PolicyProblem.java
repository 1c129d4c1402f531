package dev.kubepci.netpol;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;

/**
 * A part of a policy kubepci could not read (an invalid CIDR, a Calico selector that does not parse). The part is
 * treated as matching nothing, which is also what the CNI does when it rejects it, and rules report it.
 */
public record PolicyProblem(Resource resource, FieldPath path, String value, String message) {}
