package io.synaptor.actors;

import io.synaptor.synapses.Optimizer;
import io.synaptor.network.Coupling;
import io.synaptor.network.LabeledData;
import io.synaptor.network.LearningRates;
import io.synaptor.network.NetworkSpec;
import io.synaptor.network.PhaseSchedule;
import io.synaptor.network.Role;
import io.synaptor.neurons.Activation;
import io.synaptor.neurons.UnitModel;
import io.synaptor.neurons.UnitModels;
import io.synaptor.synapses.Couplings;
import io.synaptor.proto.ShapeForm;
import io.synaptor.proto.Spec;
import io.synaptor.proto.UnitRole;
import io.synaptor.scheduler.Timing;
import io.synaptor.scheduler.UpdateModel;
import io.synaptor.synapses.NudgeShape;

import java.util.ArrayList;
import java.util.List;

import static io.synaptor.actors.ProtocolSerializer.boxed;
import static io.synaptor.actors.ProtocolSerializer.doubles;
import static io.synaptor.actors.ProtocolSerializer.ints;

/**
 * A {@link SimulationSpec} as protobuf, so that every cluster node rebuilds the same
 * {@link SimulationPlan} from what the submitter sent: network, schedule, rule and rates, timing,
 * and how many examples there are. The examples themselves do not travel: only the input source and
 * the teacher read them, and both live on the submitter ({@link ClusterRun}), so an image set never
 * nears Artery's frame limit and needs no copy on the nodes (issue 24 asked for data by reference:
 * no reference is needed where no node reads the data). Persistent free states stay on one JVM
 * (they are refused in cluster mode).
 */
final class SpecCodec {
    private SpecCodec() {
    }

    static Spec encode(SimulationSpec s) {
        if (s.persistent() != null) throw new IllegalArgumentException("persistent free states (units.persistent) run on one JVM only");
        if (s.monitor().active()) throw new IllegalArgumentException("monitors (monitor.*) record on one JVM only");
        if (s.schedule().shape().plan() != null) throw new IllegalArgumentException("multiplexed nudges (several tasks at once) run on one JVM only");
        NetworkSpec net = s.network();
        PhaseSchedule p = s.schedule();
        Timing t = s.timing();
        Spec.Builder b = Spec.newBuilder();
        for (Role r : net.roles()) b.addRoles(UnitRole.valueOf("ROLE_" + r.name()));
        b.addAllLayerOf(boxed(net.layerOf()));
        for (Coupling c : net.couplings()) {
            b.addCouplingI(c.i()).addCouplingJ(c.j()).addCouplingW(c.weight()).addCouplingDelay(c.delay());
        }
        b.addAllBiases(boxed(net.biases())).setActivation(net.activation().name()).setDt(net.dt()).setTemperature(net.temperature());
        for (UnitModel m : net.models()) b.addUnitModels(m.name());
        b.setCouplingModel(net.couplingModel().name());
        b.setBatch(p.batch()).setFreeSteps(p.freeSteps()).setNudgeSteps(p.nudgeSteps()).setBeta(p.beta())
                .setRandomSign(p.randomSign()).setScheduleSeed(p.seed()).setEpochs(p.epochs())
                .setShapeForm(ShapeForm.valueOf("FORM_" + p.shape().form().name())).setShapePoints(p.shape().points()).setShapeWarmup(p.shape().warmup())
                .setFirstEpoch(p.firstEpoch());
        b.setRule(s.rule()).setRate(s.rate()).addAllCouplingRates(boxed(s.rates().couplings())).addAllBiasRates(boxed(s.rates().biases())).setRateDecay(s.optimizer().decay()).setOptimizer(s.optimizer().kind().settingName())
                .setTolerance(s.tolerance());
        b.setTrainSize(s.train().size()).setTestSize(s.test().size()); // the examples stay with the submitter's source and teacher
        b.setReset(s.reset()).setSeed(s.seed()).setWindow(s.window()).setBlockSize(s.blockSize());
        b.setUpdateSeed(t.update().seed()).addAllUpdateRates(boxed(t.update().rates())).setJitter(t.jitter()).setDrop(t.drop())
                .setClockSkew(t.clockSkew()).setTimingSeed(t.seed()).setSendThreshold(t.sendThreshold())
                .setMessageWindow(t.window()).setFreeLag(t.freeLag());
        return b.build();
    }

    /** A wire enum's Java name: its own name less the prefix; an unset or unknown value is refused. */
    private static String named(Enum<?> value, String prefix) {
        String name = value.name();
        if (!name.startsWith(prefix) || name.endsWith("_UNSET")) {
            throw new IllegalArgumentException("a spec on the wire carries " + value + ", which this node does not know");
        }
        return name.substring(prefix.length());
    }

    static SimulationSpec decode(Spec b) {
        Role[] roles = b.getRolesList().stream().map(r -> Role.valueOf(named(r, "ROLE_"))).toArray(Role[]::new);
        List<Coupling> couplings = new ArrayList<>(b.getCouplingICount());
        for (int k = 0; k < b.getCouplingICount(); k++) {
            couplings.add(new Coupling(b.getCouplingI(k), b.getCouplingJ(k), b.getCouplingW(k), b.getCouplingDelay(k)));
        }
        NetworkSpec net = new NetworkSpec(roles, ints(b.getLayerOfList()), couplings, doubles(b.getBiasesList()),
                Activation.named(b.getActivation()), b.getDt(), b.getTemperature(),
                b.getUnitModelsList().stream().map(UnitModels::named).toArray(UnitModel[]::new), Couplings.named(b.getCouplingModel()));
        LabeledData train = LabeledData.withheld(b.getTrainSize());
        LabeledData test = LabeledData.withheld(b.getTestSize());
        NudgeShape shape = new NudgeShape(NudgeShape.Form.valueOf(named(b.getShapeForm(), "FORM_")),
                b.getShapePoints(), b.getShapeWarmup());
        PhaseSchedule schedule = new PhaseSchedule(b.getBatch(), b.getFreeSteps(), b.getNudgeSteps(), b.getBeta(), b.getRandomSign(),
                b.getScheduleSeed(), b.getEpochs(), train.size(), test.size(), shape, b.getFirstEpoch());
        Timing timing = new Timing(new UpdateModel(b.getUpdateSeed(), doubles(b.getUpdateRatesList())), b.getJitter(), b.getDrop(),
                b.getClockSkew(), b.getTimingSeed(), b.getSendThreshold(), b.getMessageWindow(), b.getFreeLag());
        return new SimulationSpec(net, schedule, b.getRule(), b.getRate(), train, test, b.getReset(), b.getSeed(), b.getWindow(),
                timing, b.getBlockSize(), new LearningRates(doubles(b.getCouplingRatesList()), doubles(b.getBiasRatesList())), null, Optimizer.of(b.getOptimizer(), b.getRateDecay()),
                Monitor.NONE, b.getTolerance()); // monitors are refused in cluster mode
    }
}
