package org.hhw.schedules;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The product's one runnable: {@code hhw <command>}. {@code sql} opens only the published
 * analytics copy, without starting the application, so it is quick and never touches a load.
 */
@SpringBootApplication(scanBasePackages = "org.hhw")
public class HhwApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("sql")) {
            System.exit(SqlShell.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(HhwApplication.class, args)));
    }
}
