package org.duban.api.error;

/** A request field that is well-formed but names something that does not exist or is not allowed. */
public class InvalidInput extends DomainRefusal {
    private final String field;

    public InvalidInput(String field, String message) {
        super(ErrorCode.VALIDATION_FAILED, field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Refusal toRefusal() {
        return new Refusal(code(), getMessage(), field);
    }
}
