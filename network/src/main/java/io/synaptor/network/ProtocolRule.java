package io.synaptor.network;

/** The two local rules that learn a driving protocol (seed 001): what each oscillator measures as its error. */
public enum ProtocolRule {
    /** e = F − F*, see {@link io.synaptor.synapses.ForceMatching}. */
    FORCE_MATCHING("force_matching"),
    /** e = (x̃ − x_{t−Δ})/Δ, see {@link io.synaptor.synapses.ContrastiveOneStep}. */
    CONTRASTIVE_ONE_STEP("cd1");

    private final String key;

    ProtocolRule(String key) {
        this.key = key;
    }

    /** The suffix of the summary keys. */
    public String key() {
        return key;
    }
}
