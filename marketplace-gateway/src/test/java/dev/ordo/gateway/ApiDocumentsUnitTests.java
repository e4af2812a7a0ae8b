package dev.ordo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ApiDocumentsUnitTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode document(String json) {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void theMergedDocumentHasEveryServicesOperationsSchemasAndTagsOnce() {
        JsonNode orders = document("""
                {'openapi': '3.1.0', 'info': {'title': 'Marketplace', 'version': '1'},
                 'tags': [{'name': 'orders'}],
                 'paths': {'/orders': {'get': {'operationId': 'list'}, 'post': {'operationId': 'place'}},
                           '/dead-letters': {'get': {'operationId': 'deadLetters'}}},
                 'components': {'schemas': {'Order': {'type': 'object'}, 'Money': {'type': 'object'}}}}""");
        JsonNode catalog = document("""
                {'openapi': '3.1.0', 'info': {'title': 'Catalog', 'version': '7'},
                 'tags': [{'name': 'catalog'}, {'name': 'orders'}],
                 'paths': {'/catalog/products': {'get': {'operationId': 'products'}},
                           '/dead-letters': {'get': {'operationId': 'other'}, 'delete': {'operationId': 'purge'}}},
                 'components': {'schemas': {'Product': {'type': 'object'}, 'Money': {'type': 'string'}},
                                'parameters': {'page': {'in': 'query'}}}}""");

        ObjectNode merged = ApiDocuments.merge(List.of(orders, catalog));

        assertThat(merged.path("info").path("title").asString()).isEqualTo("Marketplace");
        assertThat(merged.path("paths").propertyNames()).containsExactly("/orders", "/dead-letters",
                "/catalog/products");
        assertThat(merged.path("paths").path("/dead-letters").path("get").path("operationId").asString())
                .as("the first document wins an operation both have").isEqualTo("deadLetters");
        assertThat(merged.path("paths").path("/dead-letters").path("delete").path("operationId").asString())
                .isEqualTo("purge");
        assertThat(merged.path("components").path("schemas").propertyNames()).containsExactly("Order", "Money",
                "Product");
        assertThat(merged.path("components").path("schemas").path("Money").path("type").asString())
                .isEqualTo("object");
        assertThat(merged.path("components").path("parameters").has("page")).isTrue();
        assertThat(merged.path("tags").valueStream().map(tag -> tag.path("name").asString()))
                .containsExactly("orders", "catalog");
        assertThat(orders.path("paths").has("/catalog/products")).as("the inputs stay as they were").isFalse();
    }
}
