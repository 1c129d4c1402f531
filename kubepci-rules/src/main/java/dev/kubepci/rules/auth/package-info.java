/**
 * Rules on authentication and authorization of the API server, the kubelet and etcd.
 */
package dev.kubepci.rules.auth;
