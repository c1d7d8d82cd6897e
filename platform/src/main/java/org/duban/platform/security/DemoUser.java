package org.duban.platform.security;

import org.duban.api.actor.Role;

/** A demo account of API.md; exists only while {@code duban.demo.enabled=true}. */
public record DemoUser(String username, String password, Role role, String department) {
}
