package org.duban.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** Sends a command with the request's audit metadata and waits for its answer, bounded. */
@Component
public class CommandSender {
    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway gateway;
    private final ActorMetaDataFactory metaData;

    CommandSender(CommandGateway gateway, ActorMetaDataFactory metaData) {
        this.gateway = gateway;
        this.metaData = metaData;
    }

    public <R> R send(Object command, HttpServletRequest request) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData.forRequest(request)),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
