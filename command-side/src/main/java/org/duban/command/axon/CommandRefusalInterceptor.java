package org.duban.command.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
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
            throw notFound(unitOfWork, String.valueOf(notFound.getAggregateIdentifier()));
        } catch (IncompatibleAggregateException wrongKind) {
            // An id that belongs to another kind of aggregate (a project's id sent to an issue path) names no such item.
            throw notFound(unitOfWork, "that id");
        }
    }

    private static CommandExecutionException notFound(UnitOfWork<? extends CommandMessage<?>> unitOfWork, String id) {
        String type = unitOfWork.getMessage().getPayloadType().getPackageName();
        ErrorCode code = type.endsWith(".issue") ? ErrorCode.ISSUE_NOT_FOUND
                : type.endsWith(".personaldata") ? ErrorCode.SUBJECT_NOT_FOUND : ErrorCode.NOT_FOUND;
        String message = "No such item: " + id + ".";
        return new CommandExecutionException(message, null, new Refusal(code, message));
    }
}
