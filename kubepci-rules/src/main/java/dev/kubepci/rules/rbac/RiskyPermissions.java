package dev.kubepci.rules.rbac;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the family of a {@link RiskyGrantRule} that a list of permissions defines, instead of its {@code family}
 * method: a grant matches each permission it could allow.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RiskyPermissions {
  /** The id of the table of holders. */
  String table();

  /** The title of the table of holders. */
  String title();

  /**
   * The permissions, each entry verbs then resources as {@code kubectl auth can-i} names them
   * ({@code resource[.group][/subresource]}), verb by verb: {@code "create,update deployments.apps,jobs.batch"} is
   * create on deployments and jobs, then update on them.
   */
  String[] value();
}
