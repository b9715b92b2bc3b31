package io.synaptor.scenarios;

/** Input the user can fix (unknown scenario or key, value out of range, missing data): exit 2. */
public final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInput(String message) {
        super(message);
    }
}
