/**
 * The fleet server behind {@code kubepci serve}: its settings, TLS, routes and the JSON error shape; it keeps no
 * state another replica needs.
 */
package dev.kubepci.server;
