/**
 * Waivers managed on the server by admins, with their expiry, served to clusters as a waiver file.
 */
package dev.kubepci.server.governance;
