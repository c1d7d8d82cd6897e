package org.duban.platform.security;

import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The actor behind the current request, from whatever authenticated it. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // Pages open to everyone (the login form) run with Spring's anonymous token: nobody signed in.
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return Optional.empty();
        if (auth.getPrincipal() instanceof DubanUser user) return Optional.of(user.actor());
        return auth.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> Role.valueOf(a.substring(5)))
                .findFirst()
                .map(role -> new Actor(auth.getName(), role, null));
    }

    public static Actor require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated actor"));
    }
}
