package org.amamo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Amamo: runs a blue-carbon crediting scheme end to end. */
@SpringBootApplication
public class AmamoApplication {

    public static void main(String[] args) {
        SpringApplication.run(AmamoApplication.class, args);
    }
}
