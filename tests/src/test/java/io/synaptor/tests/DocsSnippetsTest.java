package io.synaptor.tests;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/tutorial.md's Java matches the code: every ```java block compiles against the current
 * modules — a block that declares a class as a compilation unit, a block of statements as the body
 * of a method. The blocks name no imports (the page leaves them out), so each gets the Synaptor
 * packages'. {@code @AutoService} lines are left out: the annotation processor is a compile-time
 * tool of the plug-in's own build (examples/ compiles one with it).
 */
class DocsSnippetsTest {
    private static final String IMPORTS = String.join("\n",
            "import io.synaptor.actors.*;", "import io.synaptor.network.*;", "import io.synaptor.neurons.*;",
            "import io.synaptor.synapses.*;", "import io.synaptor.scenarios.*;", "import io.synaptor.scenarios.report.*;",
            "import io.synaptor.scenarios.data.*;", "import com.typesafe.config.*;", "import java.io.File;",
            "import java.nio.file.Path;", "import java.util.*;", "");

    @Test
    void tutorialJavaCompiles() throws IOException {
        Path page = ReadmeTableTest.readme().getParent().resolve("docs/tutorial.md");
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
        List<JavaFileObject> units = new ArrayList<>();
        while (m.find()) {
            String code = m.group(1).replaceAll("(?m)^@AutoService\\(.*\\)\\n", "");
            int k = units.size();
            String name = "Snippet" + k;
            Matcher cls = Pattern.compile("(?m)^public (?:final )?class (\\w+)").matcher(code);
            String source = cls.find()
                    ? IMPORTS + code.replaceFirst("(?m)^public (final )?class", "$1class").replace("\u2026", "...")
                    : IMPORTS + "class " + name + " {\n    void run() throws Exception {\n" + code + "\n    }\n}\n";
            String unit = cls.reset().find() ? cls.group(1) : name;
            units.add(new SimpleJavaFileObject(URI.create("string:///" + unit + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            });
        }
        assertEquals(4, units.size(), "docs/tutorial.md's Java blocks"); // the rule, the coupling, Experiment, the actors
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> errors = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("snippets");
        boolean ok = javac.getTask(null, null, errors, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), "-proc:none"), null, units).call();
        StringBuilder why = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : errors.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) why.append(d.getSource().getName()).append(':').append(d.getLineNumber())
                    .append(' ').append(d.getMessage(null)).append('\n');
        }
        assertTrue(ok, "docs/tutorial.md's Java does not compile:\n" + why);
    }
}
