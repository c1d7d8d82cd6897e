package org.duban.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.duban.api.actor.Actor;
import org.duban.platform.security.CurrentActor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.duban.api.actor.ActorMetaData.*;

/**
 * Builds the audit metadata of a command from the signed-in actor and the request: who, in
 * which conversation (X-Correlation-Id, or a new one) and from which address.
 */
@Component
public class ActorMetaDataFactory {
    private static final Pattern CORRELATION_ID_FORM = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public MetaData forRequest(HttpServletRequest request) {
        Actor actor = CurrentActor.require();
        Map<String, String> data = new HashMap<>();
        data.put(USER_ID, actor.userId());
        data.put(ROLE, actor.role().name());
        if (actor.department() != null) data.put(DEPARTMENT, actor.department());
        String correlationId = request.getHeader("X-Correlation-Id");
        data.put(CORRELATION_ID, correlationId != null && CORRELATION_ID_FORM.matcher(correlationId).matches()
                ? correlationId : UUID.randomUUID().toString());
        data.put(CLIENT_ADDRESS, request.getRemoteAddr());
        return MetaData.from(data);
    }
}
