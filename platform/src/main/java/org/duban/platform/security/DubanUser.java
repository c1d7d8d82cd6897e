package org.duban.platform.security;

import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A signed-in user: Spring Security's user plus the role and department Duban's rules need. */
public class DubanUser extends User {
    private final Actor actor;

    public DubanUser(String username, String password, Role role, String department) {
        super(username, password, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.actor = new Actor(username, role, department);
    }

    public Actor actor() {
        return actor;
    }
}
