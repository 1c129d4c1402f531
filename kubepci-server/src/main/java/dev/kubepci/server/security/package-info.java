/**
 * Authentication and authorisation: hashed tokens, signed sessions and CSRF tokens, roles, the audit log of
 * admin actions.
 */
package dev.kubepci.server.security;
