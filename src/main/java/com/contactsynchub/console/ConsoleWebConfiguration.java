package com.contactsynchub.console;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's forms change things (replay, discard, resolve) and the hub has no CSRF token (the API is stateless,
 * and on the embedded defaults there is no login at all). So a console POST is refused when the browser says it
 * comes from another site: its Origin differs from the hub's own, or Sec-Fetch-Site says cross-site. A form of a
 * page on any other site in the operator's browser could otherwise replay or discard messages.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SameOriginPosts()).addPathPatterns("/console/**");
    }

    static final class SameOriginPosts implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            if (!"POST".equals(request.getMethod())) {
                return true;
            }
            String site = request.getHeader("Sec-Fetch-Site");
            String origin = request.getHeader("Origin");
            if ((site != null && !site.equals("same-origin") && !site.equals("none"))
                    || (origin != null && !sameOrigin(origin, request))) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return false;
            }
            return true;
        }

        private static boolean sameOrigin(String origin, HttpServletRequest request) {
            try {
                URI uri = URI.create(origin);
                int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
                return request.getScheme().equals(uri.getScheme()) && request.getServerName().equals(uri.getHost())
                        && request.getServerPort() == port;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
