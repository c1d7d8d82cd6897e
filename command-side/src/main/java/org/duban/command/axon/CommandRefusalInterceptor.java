package org.duban.command.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.Refusal;

/**
 * Turns refusals into command execution exceptions whose details carry the stable code, so the
 * code reaches the caller even across nodes (CONVENTIONS 4). The unit of work rolls back:
 * a refused command appends nothing.
 */
public class CommandRefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainRefusal refusal) {
            throw new CommandExecutionException(refusal.getMessage(), null, refusal.toRefusal());
        } catch (AggregateNotFoundException notFound) {
            String type = unitOfWork.getMessage().getPayloadType().getPackageName();
            ErrorCode code = type.endsWith(".issue") ? ErrorCode.ISSUE_NOT_FOUND : ErrorCode.NOT_FOUND;
            String message = "No such item: " + notFound.getAggregateIdentifier() + ".";
            throw new CommandExecutionException(message, null, new Refusal(code, message));
        }
    }
}
