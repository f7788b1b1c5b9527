package com.contactsynchub.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.contactsynchub.contract.RecordNumbers;

/**
 * A path with {@code %2F} or {@code ;} (a record number with a character that, by the contract, no record number
 * holds: {@link RecordNumbers#URL_RESERVED}) is answered with a problem like every other error. Tomcat's own
 * refusal of {@code %2F} (and {@code %5C}) is an HTML page written before the application sees the request, so Tomcat passes it
 * through and Spring Security's firewall, which refuses it as well, answers here.
 */
@Configuration(proxyBeanMethods = false)
class RejectedPaths {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashReachesTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        });
    }

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return RejectedPaths::reject;
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException rejected) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"%sinvalid-request","title":"Bad Request","status":400,\
                "detail":"The path holds a character the hub does not take in a path: record numbers may not hold \
                any of / \\\\ ; %% ? # (docs/messages.md, Record numbers), and an encoded one (%%2F, %%3B, ...) is refused too"}"""
                .formatted(ProblemErrorController.TYPE_BASE));
    }
}
