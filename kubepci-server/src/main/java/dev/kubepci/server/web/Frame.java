package dev.kubepci.server.web;

import dev.kubepci.server.security.Principal;
import dev.kubepci.server.security.Role;

/**
 * What every page's layout needs: its title, which navigation entry is current, who is signed in, and the CSRF
 * token its forms carry.
 */
public record Frame(String title, String section, Principal principal, String csrf) {

  public boolean admin() {
    return principal != null && principal.role() == Role.ADMIN;
  }

  public boolean signedIn() {
    return principal != null;
  }

  /** {@code aria-current} for the navigation entry of this page. */
  public String current(String entry) {
    return entry.equals(section) ? "page" : "false";
  }
}
