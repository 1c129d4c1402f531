/**
 * The pages (jte templates) and their JSON API: fleet, a cluster over time, one assessment, findings, new and
 * fixed findings, waivers, admin.
 */
package dev.kubepci.server.web;
