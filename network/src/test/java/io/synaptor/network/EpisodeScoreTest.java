package io.synaptor.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The score of one episode against values computed by hand: the cost C = ½‖s_out − y‖² summed over
 * the real examples (Scellier &amp; Bengio 2017, eq. 3), the prediction the most active output (the
 * first one on a tie), the label the largest target entry, padding ignored.
 */
class EpisodeScoreTest {
    private static final LabeledData DATA = new LabeledData(new double[5][0], new double[][]{
            {1, 0, 0},          // label 0
            {0, 1, 0},          // label 1 (only as padding below)
            {0.1, 0.8, 0.1},    // label 1, a soft target: the cost uses y itself
            {0, 0, 1},          // label 2
            {0, 0.2, 0.9}});    // label 2

    @Test
    void lossPredictionsAndLabelsByHand() {
        int[] examples = {4, 0, 2, 3, 1};
        double[][] byExample = {
                {0.1, 0.3, 0.9},     // ex 4: ½(0.1² + 0.1² + 0)          = 0.01, predicts 2 (right)
                {0.5, 0.5, 0.2},     // ex 0: ½(0.5² + 0.5² + 0.2²)       = 0.27, tie 0/1 → 0 (right)
                {0.7, 0.6, 0.7},     // ex 2: ½(0.6² + 0.2² + 0.6²)       = 0.38, tie 0/2 → 0 (wrong)
                {-0.3, -0.1, -0.2},  // ex 3: ½(0.3² + 0.1² + 1.2²)       = 0.77, all negative → 1 (wrong)
                {100, -100, 5}};     // padding: must count for nothing
        EpisodeScore score = EpisodeScore.of(byOutput(byExample), examples, DATA, 4);
        assertEquals(0.01 + 0.27 + 0.38 + 0.77, score.lossSum(), 1e-15);
        assertEquals(2, score.correct());
        assertArrayEquals(new int[]{2, 0, 0, 1}, score.predicted());
        assertArrayEquals(new int[]{2, 0, 1, 2}, score.labels());
    }

    @Test
    void anEpisodeOfPaddingScoresNothing() {
        EpisodeScore score = EpisodeScore.of(byOutput(new double[][]{{3, 1, 2}}), new int[]{0}, DATA, 0);
        assertEquals(0.0, score.lossSum(), 0.0);
        assertEquals(0, score.correct());
        assertEquals(0, score.predicted().length);
        assertEquals(0, score.labels().length);
    }

    /** The network's layout: one vector over the minibatch per output unit. */
    private static double[][] byOutput(double[][] byExample) {
        double[][] out = new double[byExample[0].length][byExample.length];
        for (int b = 0; b < byExample.length; b++) for (int o = 0; o < out.length; o++) out[o][b] = byExample[b][o];
        return out;
    }
}
