/**
 * Rules on container images: pinned digests, trusted registries and signature verification.
 */
package dev.kubepci.rules.image;
