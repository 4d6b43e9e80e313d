package org.hhw.schedules;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The product's one runnable: {@code hhw <command>}. {@code sql} opens only the published
 * analytics copy and {@code log} reads only the audit log, both without starting the application,
 * so they are quick and never touch a load.
 */
@SpringBootApplication(scanBasePackages = "org.hhw")
public class HhwApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sql")) {
            System.exit(SqlShell.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("log")) {
            System.exit(AuditLog.run(Arrays.copyOfRange(args, 1, args.length),
                    new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(HhwApplication.class, args)));
    }
}
