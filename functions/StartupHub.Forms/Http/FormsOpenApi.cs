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
    "/forms/{formId}/submissions": {
      "post": {
        "operationId": "submitApplication",
        "summary": "応募・お問い合わせを送信する（oip-application / mentee-application / partnership-inquiry）",
        "description": "受付期間はフォームマニフェストの opens/closes（[opens, closes)）。期間外は 409（form-not-open / form-closed）。oip-application は multipart/form-data でピッチ資料（PDF、10MB以下、スクリプト・埋め込みファイル・暗号化なし）を pitch_deck として送ります。form-urlencoded / multipart で Accept に application/json を含まない送信（JavaScript なしのフォーム）には 303 で /forms/result/received/ または /forms/result/error/ に移動させます。form_token のない送信はハニーポットが空のときだけ、より厳しい回数制限の下で受け付けます。",
        "parameters": [ { "name": "formId", "in": "path", "required": true, "schema": { "type": "string", "enum": ["oip-application", "mentee-application", "partnership-inquiry"] } } ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": { "schema": { "$ref": "#/components/schemas/SubmissionRequest" } },
            "multipart/form-data": { "schema": { "$ref": "#/components/schemas/SubmissionRequest" } },
            "application/x-www-form-urlencoded": { "schema": { "$ref": "#/components/schemas/SubmissionRequest" } }
          }
        },
        "responses": {
          "201": { "description": "受付", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SubmissionAnswer" } } } },
          "303": { "description": "JavaScript なしの送信: 結果ページへ（Location: /forms/result/received/?form=..&number=.. または /forms/result/error/?form=..&code=..）" },
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
    "/staff/submissions": {
      "get": {
        "operationId": "staffListSubmissions",
        "summary": "【職員】申込み・応募の一覧（新しい順）",
        "description": "staff ロールが必要（Static Web Apps の x-ms-client-principal）。q は受付番号・氏名・ふりがな・所属・メールアドレスを、大文字小文字と全角半角（NFKC）を区別せずに部分一致で検索します。",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [
          { "name": "form", "in": "query", "required": false, "schema": { "type": "string" } },
          { "name": "event", "in": "query", "required": false, "schema": { "type": "string" } },
          { "name": "status", "in": "query", "required": false, "schema": { "type": "string" } },
          { "name": "q", "in": "query", "required": false, "schema": { "type": "string", "maxLength": 200 } }
        ],
        "responses": {
          "200": { "description": "一覧", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StaffList" } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/submissions/{formId}/{id}": {
      "get": {
        "operationId": "staffGetSubmission",
        "summary": "【職員】申込み・応募の詳細（閲覧は監査ログに記録）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [ { "$ref": "#/components/parameters/FormId" }, { "$ref": "#/components/parameters/SubmissionId" } ],
        "responses": {
          "200": { "description": "詳細", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StaffDetail" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/submissions/{formId}/{id}/attachments/{attachmentId}": {
      "get": {
        "operationId": "staffDownloadAttachment",
        "summary": "【職員】添付ファイル（PDF）のダウンロード",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [
          { "$ref": "#/components/parameters/FormId" },
          { "$ref": "#/components/parameters/SubmissionId" },
          { "name": "attachmentId", "in": "path", "required": true, "schema": { "type": "string" } }
        ],
        "responses": {
          "200": { "description": "Content-Disposition: attachment、X-Content-Type-Options: nosniff", "content": { "application/pdf": { "schema": { "type": "string", "format": "binary" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/submissions/{formId}/{id}/status": {
      "post": {
        "operationId": "staffSetStatus",
        "summary": "【職員】応募の状態を変更する（イベント参加申込は不可）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [ { "$ref": "#/components/parameters/FormId" }, { "$ref": "#/components/parameters/SubmissionId" } ],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StaffStatusRequest" } } } },
        "responses": {
          "200": { "description": "変更後の状態", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StaffStatusAnswer" } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "409": { "$ref": "#/components/responses/Problem" },
          "413": { "$ref": "#/components/responses/Problem" },
          "415": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/exports/{formId}.csv": {
      "get": {
        "operationId": "staffExportCsv",
        "summary": "【職員】フォームごとの CSV 出力（UTF-8 BOM 付き、CRLF、数式無害化）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [ { "$ref": "#/components/parameters/FormId" }, { "$ref": "#/components/parameters/EventFilter" } ],
        "responses": {
          "200": { "description": "CSV", "content": { "text/csv": { "schema": { "type": "string" } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/exports/{formId}.xlsx": {
      "get": {
        "operationId": "staffExportXlsx",
        "summary": "【職員】フォームごとの Excel 出力（すべて文字列セル）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [ { "$ref": "#/components/parameters/FormId" }, { "$ref": "#/components/parameters/EventFilter" } ],
        "responses": {
          "200": { "description": "XLSX", "content": { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { "schema": { "type": "string", "format": "binary" } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/events/{eventId}/roster": {
      "get": {
        "operationId": "staffRoster",
        "summary": "【職員】受付名簿（参加枠ごとに参加確定の順、続いてキャンセル待ちの順）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [ { "$ref": "#/components/parameters/EventId" }, { "$ref": "#/components/parameters/SessionFilter" } ],
        "responses": {
          "200": { "description": "名簿", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Roster" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/events/{eventId}/roster.csv": {
      "get": {
        "operationId": "staffRosterCsv",
        "summary": "【職員】受付名簿の CSV",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [ { "$ref": "#/components/parameters/EventId" }, { "$ref": "#/components/parameters/SessionFilter" } ],
        "responses": {
          "200": { "description": "CSV", "content": { "text/csv": { "schema": { "type": "string" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/events/{eventId}/roster.xlsx": {
      "get": {
        "operationId": "staffRosterXlsx",
        "summary": "【職員】受付名簿の Excel（参加枠ごとのシート）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "parameters": [ { "$ref": "#/components/parameters/EventId" }, { "$ref": "#/components/parameters/SessionFilter" } ],
        "responses": {
          "200": { "description": "XLSX", "content": { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { "schema": { "type": "string", "format": "binary" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "404": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/summary": {
      "get": {
        "operationId": "staffSummary",
        "summary": "【職員】応募状況の定期報告（件数のみ）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "responses": {
          "200": { "description": "集計", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Summary" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/staff/summary.xlsx": {
      "get": {
        "operationId": "staffSummaryXlsx",
        "summary": "【職員】応募状況の定期報告の Excel（応募状況・日別・イベントの 3 シート）",
        "security": [ { "StaticWebAppsPrincipal": [] } ],
        "responses": {
          "200": { "description": "XLSX", "content": { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { "schema": { "type": "string", "format": "binary" } } } },
          "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" },
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
    "securitySchemes": {
      "StaticWebAppsPrincipal": { "type": "apiKey", "in": "header", "name": "x-ms-client-principal", "description": "Azure Static Web Apps がサインイン済みの利用者について付ける base64 JSON。staff ロールが必要。" }
    },
    "parameters": {
      "FormId": { "name": "formId", "in": "path", "required": true, "schema": { "type": "string", "enum": ["event-registration", "oip-application", "mentee-application", "partnership-inquiry"] } },
      "SubmissionId": { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
      "EventFilter": { "name": "event", "in": "query", "required": false, "description": "イベント参加申込のみ：このイベントの申込みだけを出力", "schema": { "type": "string" } },
      "SessionFilter": { "name": "session", "in": "query", "required": false, "description": "この参加枠だけ", "schema": { "type": "string" } },
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
      "StaffList": {
        "type": "object",
        "required": ["items", "total"],
        "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/StaffListItem" } }, "total": { "type": "integer" } }
      },
      "StaffListItem": {
        "type": "object",
        "required": ["form_id", "id", "number", "submitted_at", "status", "name", "organization", "email", "summary"],
        "properties": {
          "form_id": { "type": "string" },
          "id": { "type": "string" },
          "number": { "type": "string" },
          "submitted_at": { "type": "string", "format": "date-time" },
          "status": { "type": "string", "description": "イベント参加申込: confirmed | waitlisted | partial | cancelled、応募: received | reviewing | accepted | declined | closed" },
          "event_id": { "type": "string" },
          "company_id": { "type": "string" },
          "name": { "type": "string" },
          "organization": { "type": "string" },
          "email": { "type": "string" },
          "summary": { "type": "string" }
        }
      },
      "StaffDetail": {
        "type": "object",
        "required": ["form_id", "id", "number", "submitted_at", "status", "fields", "attachments", "consent"],
        "properties": {
          "form_id": { "type": "string" },
          "id": { "type": "string" },
          "number": { "type": "string" },
          "submitted_at": { "type": "string", "format": "date-time" },
          "status": { "type": "string" },
          "event_id": { "type": "string" },
          "company_id": { "type": "string" },
          "fields": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" }, "label": { "type": "string" }, "value": { "type": "string" } } } },
          "attachments": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "file_name": { "type": "string" }, "length": { "type": "integer" }, "url": { "type": "string" } } } },
          "consent": { "type": "object", "properties": { "purpose_version": { "type": "string" }, "consented_at": { "type": "string", "format": "date-time" } } },
          "sessions": { "type": "array", "items": { "type": "object", "properties": { "session_id": { "type": "string" }, "title": { "type": "string" }, "status": { "type": "string" }, "waitlist_position": { "type": "integer" } } } }
        }
      },
      "StaffStatusRequest": {
        "type": "object",
        "required": ["status"],
        "properties": { "status": { "type": "string", "enum": ["received", "reviewing", "accepted", "declined", "closed"] } }
      },
      "StaffStatusAnswer": {
        "type": "object",
        "required": ["form_id", "id", "number", "status", "message"],
        "properties": { "form_id": { "type": "string" }, "id": { "type": "string" }, "number": { "type": "string" }, "status": { "type": "string" }, "message": { "type": "string" } }
      },
      "Roster": {
        "type": "object",
        "required": ["event", "sessions"],
        "properties": {
          "event": { "type": "object", "properties": { "id": { "type": "string" }, "title": { "type": "string" }, "start": { "type": "string", "format": "date-time" }, "venue": { "type": "string" } } },
          "sessions": { "type": "array", "items": { "$ref": "#/components/schemas/RosterSession" } }
        }
      },
      "RosterSession": {
        "type": "object",
        "required": ["session_id", "title", "capacity", "confirmed", "waitlisted"],
        "properties": {
          "session_id": { "type": "string" },
          "title": { "type": "string" },
          "capacity": { "type": "integer" },
          "confirmed": { "type": "array", "items": { "$ref": "#/components/schemas/RosterEntry" } },
          "waitlisted": { "type": "array", "items": { "$ref": "#/components/schemas/RosterEntry" } }
        }
      },
      "RosterEntry": {
        "type": "object",
        "properties": {
          "number": { "type": "string" },
          "name": { "type": "string" },
          "kana": { "type": "string" },
          "organization": { "type": "string" },
          "organization_type": { "type": "string", "description": "所属区分の表示名" },
          "status": { "type": "string", "enum": ["confirmed", "waitlisted"] }
        }
      },
      "Summary": {
        "type": "object",
        "required": ["generated_at", "forms", "events"],
        "properties": {
          "generated_at": { "type": "string", "format": "date-time" },
          "forms": { "type": "array", "items": { "type": "object", "properties": {
            "form_id": { "type": "string" }, "title": { "type": "string" }, "total": { "type": "integer" },
            "by_status": { "type": "object", "additionalProperties": { "type": "integer" } },
            "by_day": { "type": "array", "items": { "type": "object", "properties": { "date": { "type": "string", "format": "date" }, "count": { "type": "integer" } } } } } } },
          "events": { "type": "array", "items": { "type": "object", "properties": {
            "event_id": { "type": "string" }, "title": { "type": "string" }, "start": { "type": "string", "format": "date-time" },
            "sessions": { "type": "array", "items": { "type": "object", "properties": {
              "session_id": { "type": "string" }, "title": { "type": "string" }, "capacity": { "type": "integer" },
              "confirmed": { "type": "integer" }, "waitlisted": { "type": "integer" }, "cancelled": { "type": "integer" } } } } } } }
        }
      },
      "SubmissionRequest": {
        "type": "object",
        "description": "共通: form_token, website（ハニーポット、空）, consent（true / on）, purpose_version。oip-application: company_name, representative_name, head_office_address, chiba_office_address（本社が県外なら必須）, company_url, founded_year, employees, industry, seeds, collaboration_sought, goals, contact_name, contact_kana, contact_title, contact_email, contact_phone, pitch_deck（PDF ファイル）。mentee-application: company_name, contact_name, contact_kana, email, phone, stage（idea / pre-seed / seed / series-a / later）, growth_intent（ipo / m-and-a / steady / undecided）, business_summary, advice_wanted, preferred_venue（chiba / kisarazu / either）。partnership-inquiry: company_id（マニフェストの companies）, name, kana, email, phone, organization, organization_type, proposal。",
        "additionalProperties": { "type": "string" }
      },
      "SubmissionAnswer": {
        "type": "object",
        "required": ["id", "number", "form_id", "status", "submitted_at", "message"],
        "properties": {
          "id": { "type": "string" },
          "number": { "type": "string", "examples": ["OIP-0001", "MEN-0001", "INQ-0001"] },
          "form_id": { "type": "string" },
          "status": { "type": "string", "const": "received" },
          "submitted_at": { "type": "string", "format": "date-time" },
          "message": { "type": "string" }
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
