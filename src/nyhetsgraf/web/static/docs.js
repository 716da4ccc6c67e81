// The interactive API documentation, drawn by the vendored swagger-ui from this server's OpenAPI document.
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
