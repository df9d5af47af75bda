using StartupHub.Forms.Registration;

namespace StartupHub.Forms.Http;

/// <summary>
/// The OpenAPI 3.1 description of the forms API, written out by hand so that it documents what people
/// care about (Japanese messages, problem codes, idempotency) rather than what a generator can infer.
/// Tests keep it honest: every route in <see cref="FormsRoutes"/> must appear here and vice versa, and
/// the request/response property names must match the C# types.
/// </summary>
public static class FormsOpenApi
{
    public static string DocumentJson { get; } = Build();

    private static string Build()
    {
        string organizationTypes = string.Join(", ", OrganizationTypes.All.Select(t => $"\"{t.Slug}\""));
        return """
{
  "openapi": "3.1.0",
  "info": {
    "title": "StartupHub Forms API",
    "version": "1.0.0",
    "description": "千葉県スタートアップ支援拠点のフォームAPI。イベント参加申込（定員・キャンセル待ち・キャンセル）。エラーは RFC 9457 problem+json で、code で種類を判別できます。"
  },
  "servers": [ { "url": "/api" } ],
  "paths": {
    "/forms/{formId}/token": {
      "get": {
        "operationId": "issueFormToken",
        "summary": "フォーム表示時刻の署名トークンを発行する",
        "parameters": [ { "name": "formId", "in": "path", "required": true, "schema": { "type": "string" } } ],
        "responses": {
          "200": { "description": "発行したトークン", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FormToken" } } } },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "429": { "$ref": "#/components/responses/RateLimited" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/events/{eventId}/availability": {
      "get": {
        "operationId": "getAvailability",
        "summary": "イベントの参加枠ごとの残席とキャンセル待ち人数",
        "description": "数秒間キャッシュ可能（Cache-Control: public, max-age）。",
        "parameters": [ { "$ref": "#/components/parameters/EventId" } ],
        "responses": {
          "200": { "description": "空き状況", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Availability" } } } },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/events/{eventId}/registrations": {
      "post": {
        "operationId": "register",
        "summary": "イベントに参加申込みする",
        "description": "同じメールアドレスで有効な申込みがあれば、その申込みを返します（duplicate: true、キャンセル用リンクなし）。Idempotency-Key が同じで内容も同じ再送には同じ申込みを返し、内容が異なる場合は 422 を返します。",
        "parameters": [
          { "$ref": "#/components/parameters/EventId" },
          { "name": "Idempotency-Key", "in": "header", "required": false, "schema": { "type": "string", "maxLength": 100, "pattern": "^[!-~]+$" } }
        ],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RegistrationRequest" } } } },
        "responses": {
          "201": { "description": "受付（確定またはキャンセル待ち）", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RegistrationAnswer" } } } },
          "200": { "description": "同じメールアドレスの既存の申込み", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RegistrationAnswer" } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "409": { "$ref": "#/components/responses/Problem" },
          "413": { "$ref": "#/components/responses/Problem" },
          "415": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" },
          "429": { "$ref": "#/components/responses/RateLimited" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/events/{eventId}/registrations/{registrationId}/cancel": {
      "post": {
        "operationId": "cancelRegistration",
        "summary": "キャンセル用リンクのトークンで申込みを取り消す",
        "description": "空いた席はキャンセル待ちの先頭の方に自動で割り当てられます。",
        "parameters": [
          { "$ref": "#/components/parameters/EventId" },
          { "name": "registrationId", "in": "path", "required": true, "schema": { "type": "string" } }
        ],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CancellationRequest" } } } },
        "responses": {
          "200": { "description": "取消済み", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CancelAnswer" } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "409": { "$ref": "#/components/responses/Problem" },
          "413": { "$ref": "#/components/responses/Problem" },
          "415": { "$ref": "#/components/responses/Problem" },
          "429": { "$ref": "#/components/responses/RateLimited" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "getOpenApi",
        "summary": "この API の OpenAPI 3.1 記述",
        "responses": { "200": { "description": "OpenAPI document", "content": { "application/json": { "schema": { "type": "object" } } } } }
      }
    }
  },
  "components": {
    "parameters": {
      "EventId": { "name": "eventId", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$" } }
    },
    "responses": {
      "Problem": { "description": "problem+json (RFC 9457)", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "RateLimited": {
        "description": "送信が多すぎる",
        "headers": { "Retry-After": { "schema": { "type": "integer" } } },
        "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } }
      },
      "Unavailable": {
        "description": "ストレージ等が一時的に利用できない。受け付けていないので再送してよい。",
        "headers": { "Retry-After": { "schema": { "type": "integer" } } },
        "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } }
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "code"],
        "properties": {
          "type": { "type": "string", "format": "uri" },
          "title": { "type": "string" },
          "status": { "type": "integer" },
          "detail": { "type": "string" },
          "instance": { "type": "string" },
          "code": { "type": "string", "examples": ["validation", "event-not-found", "registration-closed", "idempotency-key-reused"] },
          "errors": { "type": "object", "description": "項目名ごとのメッセージ（日本語）", "additionalProperties": { "type": "array", "items": { "type": "string" } } }
        }
      },
      "FormToken": {
        "type": "object",
        "required": ["token", "issued_at", "min_fill_seconds"],
        "properties": {
          "token": { "type": "string" },
          "issued_at": { "type": "string", "format": "date-time" },
          "min_fill_seconds": { "type": "number" }
        }
      },
      "Availability": {
        "type": "object",
        "required": ["event_id", "title", "status", "registration_open", "as_of", "sessions"],
        "properties": {
          "event_id": { "type": "string" },
          "title": { "type": "string" },
          "status": { "type": "string", "enum": ["scheduled", "cancelled", "postponed"] },
          "registration_open": { "type": "boolean" },
          "closed_reason": { "type": "string" },
          "opens": { "type": "string", "format": "date-time" },
          "closes": { "type": "string", "format": "date-time" },
          "as_of": { "type": "string", "format": "date-time" },
          "sessions": { "type": "array", "items": { "$ref": "#/components/schemas/AvailabilitySession" } }
        }
      },
      "AvailabilitySession": {
        "type": "object",
        "required": ["id", "title", "accepts_registration", "capacity", "confirmed", "remaining", "waitlist"],
        "properties": {
          "id": { "type": "string" },
          "title": { "type": "string" },
          "accepts_registration": { "type": "boolean" },
          "capacity": { "type": "integer" },
          "confirmed": { "type": "integer" },
          "remaining": { "type": "integer" },
          "waitlist": { "type": "integer" }
        }
      },
      "RegistrationRequest": {
        "type": "object",
        "required": ["sessions", "name", "furigana", "email", "organization_type", "consent", "form_token"],
        "properties": {
          "sessions": { "type": "array", "items": { "type": "string" }, "minItems": 1 },
          "name": { "type": "string", "maxLength": 100 },
          "furigana": { "type": "string", "maxLength": 100, "description": "ひらがなまたはカタカナ" },
          "email": { "type": "string", "format": "email", "maxLength": 254 },
          "organization": { "type": "string", "maxLength": 200, "description": "organization_type が aspiring / other 以外では必須" },
          "organization_type": { "type": "string", "enum": [ORG_TYPES] },
          "job_title": { "type": "string", "maxLength": 100 },
          "referral": { "type": "string", "maxLength": 100, "description": "本イベントを知ったきっかけ" },
          "comment": { "type": "string", "maxLength": 2000 },
          "consent": {
            "type": "object",
            "required": ["agreed", "purpose_version"],
            "properties": {
              "agreed": { "type": "boolean", "const": true },
              "purpose_version": { "type": "string", "description": "フォームマニフェストの purpose_version と一致すること" }
            }
          },
          "form_token": { "type": "string", "description": "GET /forms/event-registration/token で得たもの" },
          "website": { "type": "string", "description": "ハニーポット。人には見せず、必ず空で送る" }
        }
      },
      "RegistrationAnswer": {
        "type": "object",
        "required": ["registration_id", "registration_number", "event_id", "status", "duplicate", "registered_at", "sessions", "message"],
        "properties": {
          "registration_id": { "type": "string" },
          "registration_number": { "type": "string" },
          "event_id": { "type": "string" },
          "status": { "type": "string", "enum": ["confirmed", "waitlisted", "partially_confirmed", "cancelled"] },
          "duplicate": { "type": "boolean" },
          "registered_at": { "type": "string", "format": "date-time" },
          "sessions": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["session_id", "status"],
              "properties": {
                "session_id": { "type": "string" },
                "status": { "type": "string", "enum": ["confirmed", "waitlisted", "cancelled"] },
                "waitlist_position": { "type": "integer", "minimum": 1 }
              }
            }
          },
          "cancel_token": { "type": "string" },
          "cancel_url": { "type": "string", "description": "サイトのキャンセルページ。トークンはフラグメントで渡し、サーバーログに残さない" },
          "message": { "type": "string" }
        }
      },
      "CancellationRequest": {
        "type": "object",
        "required": ["token"],
        "properties": { "token": { "type": "string" } }
      },
      "CancelAnswer": {
        "type": "object",
        "required": ["registration_id", "registration_number", "status", "message"],
        "properties": {
          "registration_id": { "type": "string" },
          "registration_number": { "type": "string" },
          "status": { "type": "string", "const": "cancelled" },
          "cancelled_at": { "type": "string", "format": "date-time" },
          "message": { "type": "string" }
        }
      }
    }
  }
}
""".Replace("ORG_TYPES", organizationTypes, StringComparison.Ordinal);
    }
}
