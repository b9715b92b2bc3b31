package io.synaptor.actors;

import com.typesafe.config.Config;
import org.apache.pekko.cluster.ConfigValidation;
import org.apache.pekko.cluster.JoinConfigCompatChecker;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.List;

/**
 * Pekko's join-time configuration check for Synaptor (issue 6): a node whose {@code synaptor.version}
 * differs from the cluster's is refused, since the wire protocol and the simulation's arithmetic may
 * differ between versions and a run would silently mix them.
 */
public final class VersionCheck extends JoinConfigCompatChecker {
    private static final Seq<String> KEYS = CollectionConverters.asScala(List.of("synaptor.version")).toList();

    @Override
    public Seq<String> requiredKeys() {
        return KEYS;
    }

    @Override
    public ConfigValidation check(Config toCheck, Config actualConfig) {
        return JoinConfigCompatChecker.fullMatch(KEYS, toCheck, actualConfig);
    }
}
