package io.synaptor.scenarios;

/** The run itself failed (divergence, a stalled simulation): exit 3, and no summary.json. */
public final class RunFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
