package io.synaptor.network;

import io.synaptor.neurons.Activation;
import io.synaptor.neurons.AnharmonicUnit;
import io.synaptor.synapses.BilinearCoupling;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 000's thermodynamic-diffusion substrate (REFERENCES.md, "Thermodynamic diffusion with symmetric
 * EP"; docs/scenarios.md#dsm-bias) as a network of populations: anharmonic units
 * (U = ½J₂s² + ¼J₄s⁴, {@link AnharmonicUnit}) joined by bilinear couplings −W·s_i·s_j
 * ({@link BilinearCoupling}) from the noisy input to an encoder, from the encoder to a transfer
 * module and on to the decoder, and a low-rank skip from the encoder to the decoder through k
 * bottleneck units — −s_decᵀU b − bᵀVᵀs_enc, whose k values are physical nodes, so U and V learn
 * locally (with ½b² minimised out this is the rank-k coupling −s_decᵀ U Vᵀ s_enc, up to terms within
 * each end). The noisy input x̃ and the noise level's embedding (σ, ln σ) are clamped input units, so
 * they reach the substrate as fields W·x̃; the decoder's relaxed state is the denoiser x̂(x̃, σ), the
 * outputs.
 *
 * @param dimension    D: data coordinates (noisy inputs and decoder units)
 * @param encoder      encoder units
 * @param transfer     transfer units
 * @param rank         k: bottleneck units of the low-rank skip
 * @param weightScale  the Glorot draws are multiplied by this (small enough that the energy is convex
 *                     at rest, so the relaxation finds the reference's fixed point)
 * @param dataStd      σ_d: with σ_d &gt; 0 the noisy input arrives as the field of {@link #gain}(σ)·x̃, which keeps
 *                     it at the data's scale at every noise level; 0 feeds x̃ itself
 */
public record DsmSubstrate(int dimension, int encoder, int transfer, int rank, double j2, double j4, double weightScale, double dataStd) {
    /** The noise level's embedding on the conditioning units: (σ, ln σ). */
    public static final int CONDITIONING = 2;

    /** The population list's order: noisy input, noise level, encoder, transfer, bottleneck, decoder. */
    public static final List<String> POPULATIONS = List.of("noisy", "noise-level", "encoder", "transfer", "bottleneck", "decoder");

    public DsmSubstrate {
        if (dimension < 1 || encoder < 1 || transfer < 1 || rank < 1) {
            throw new IllegalArgumentException("every module needs at least one unit (D, encoder, transfer, rank k)");
        }
        if (!(weightScale > 0) || !Double.isFinite(weightScale)) throw new IllegalArgumentException("the weight scale must be positive, got " + weightScale);
        if (!(dataStd >= 0) || !Double.isFinite(dataStd)) throw new IllegalArgumentException("the data's standard deviation must be ≥ 0, got " + dataStd);
    }

    /** A substrate fed x̃ itself (no input gain). */
    public DsmSubstrate(int dimension, int encoder, int transfer, int rank, double j2, double j4, double weightScale) {
        this(dimension, encoder, transfer, rank, j2, j4, weightScale, 0.0);
    }

    /**
     * The gain on the noisy input at level σ: σ_d/√(σ_d² + σ²), so that x̃ = x₀ + σξ reaches the substrate with
     * the data's variance at every level (Karras et al. 2022, "EDM", eq. 7's c_in, times σ_d so that the gain
     * tends to 1 as σ → 0); 1 when σ_d = 0. Without it a large σ drives the cubic units far up their
     * stiffness, where explicit Euler at the training dt is unstable.
     */
    public double gain(double sigma) {
        return dataStd == 0 ? 1.0 : dataStd / Math.sqrt(dataStd * dataStd + sigma * sigma);
    }

    /** The embedding of σ the conditioning units hold. */
    public static double[] embedding(double sigma) {
        return new double[]{sigma, Math.log(sigma)};
    }

    /** The clamped inputs of one example: {@link #gain}(σ)·x̃, then the embedding of σ. */
    public double[] input(double[] noisy, double sigma) {
        if (noisy.length != dimension) throw new IllegalArgumentException(noisy.length + " coordinates for a substrate of D = " + dimension);
        double[] in = new double[dimension + CONDITIONING];
        double g = gain(sigma);
        for (int d = 0; d < dimension; d++) in[d] = g * noisy[d];
        System.arraycopy(embedding(sigma), 0, in, dimension, CONDITIONING);
        return in;
    }

    /**
     * The network: Glorot weights times the weight scale, drawn projection by projection from {@code init},
     * every link {@code delay} steps, biases zero.
     */
    public NetworkSpec network(double dt, double temperature, int delay, SplittableRandom init) {
        AnharmonicUnit unit = new AnharmonicUnit(j2, j4);
        List<PopulationNetworks.Population> populations = List.of(
                new PopulationNetworks.Population("noisy", dimension, Role.INPUT, unit),
                new PopulationNetworks.Population("noise-level", CONDITIONING, Role.INPUT, unit),
                new PopulationNetworks.Population("encoder", encoder, Role.HIDDEN, unit),
                new PopulationNetworks.Population("transfer", transfer, Role.HIDDEN, unit),
                new PopulationNetworks.Population("bottleneck", rank, Role.HIDDEN, unit),
                new PopulationNetworks.Population("decoder", dimension, Role.OUTPUT, unit));
        List<PopulationNetworks.Projection> projections = List.of(
                full(0, 2, delay), full(1, 3, delay), full(2, 3, delay), full(3, 5, delay), full(2, 4, delay), full(4, 5, delay));
        NetworkSpec net = PopulationNetworks.build(populations, projections, Activation.named("tanh"), dt, temperature, init)
                .withCouplingModel(new BilinearCoupling());
        double[] w = net.weights();
        for (int k = 0; k < w.length; k++) w[k] *= weightScale;
        return net.withParameters(w, net.biases());
    }

    private static PopulationNetworks.Projection full(int from, int to, int delay) {
        return new PopulationNetworks.Projection(from, to, PopulationNetworks.Pattern.FULL, delay, PopulationNetworks.Init.GLOROT);
    }
}
