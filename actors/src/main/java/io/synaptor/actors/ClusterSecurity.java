package io.synaptor.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;

import java.nio.file.Path;

/**
 * How the members of a Synaptor cluster know each other (issue 24; docs/cluster.md, "Security"): Artery
 * over TLS with mutual authentication — each member presents the key in its key store and accepts only
 * peers whose certificate its trust store holds, so membership and submissions are for holders of the
 * cluster's credentials — configured through Pekko's own {@code ConfigSSLEngineProvider}.
 *
 * @param keyStore   this member's key and certificate (PKCS12 or JKS)
 * @param trustStore the certificates of the members it accepts
 * @param password   the stores' and the key's password
 */
public record ClusterSecurity(Path keyStore, Path trustStore, String password) {
    @Override
    public String toString() {
        return "ClusterSecurity[" + keyStore + ", " + trustStore + "]"; // never the password
    }

    /** Artery's transport and SSL engine for these credentials (TLS 1.3, mutual authentication on). */
    Config artery() {
        String engine = "pekko.remote.artery.ssl.config-ssl-engine.";
        return ConfigFactory.empty()
                .withValue("pekko.remote.artery.transport", ConfigValueFactory.fromAnyRef("tls-tcp"))
                .withValue(engine + "key-store", ConfigValueFactory.fromAnyRef(keyStore.toAbsolutePath().toString()))
                .withValue(engine + "trust-store", ConfigValueFactory.fromAnyRef(trustStore.toAbsolutePath().toString()))
                .withValue(engine + "key-store-password", ConfigValueFactory.fromAnyRef(password))
                .withValue(engine + "key-password", ConfigValueFactory.fromAnyRef(password))
                .withValue(engine + "trust-store-password", ConfigValueFactory.fromAnyRef(password))
                .withValue(engine + "require-mutual-authentication", ConfigValueFactory.fromAnyRef(true));
    }
}
