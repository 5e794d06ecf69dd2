/**
 * The `google/type/*.proto` files Confluent's `ProtobufSchema` provides
 * without registration (`KNOWN_DEPENDENCIES`), written from the public
 * googleapis descriptors: their types and fields, without comments or
 * language options.
 */

const file = (body: string, imports: string[] = []) =>
  `syntax = "proto3";\npackage google.type;\n${imports.map((i) => `import "${i}";\n`).join('')}\n${body}`;

export const GOOGLE_TYPE_FILES: Record<string, string> = {
  'google/type/calendar_period.proto': file(
    'enum CalendarPeriod {\n  CALENDAR_PERIOD_UNSPECIFIED = 0;\n  DAY = 1;\n  WEEK = 2;\n  FORTNIGHT = 3;\n  MONTH = 4;\n  QUARTER = 5;\n  HALF = 6;\n  YEAR = 7;\n}\n',
  ),
  'google/type/color.proto': file(
    'message Color {\n  float red = 1;\n  float green = 2;\n  float blue = 3;\n  google.protobuf.FloatValue alpha = 4;\n}\n',
    ['google/protobuf/wrappers.proto'],
  ),
  'google/type/date.proto': file('message Date {\n  int32 year = 1;\n  int32 month = 2;\n  int32 day = 3;\n}\n'),
  'google/type/datetime.proto': file(
    'message DateTime {\n  int32 year = 1;\n  int32 month = 2;\n  int32 day = 3;\n  int32 hours = 4;\n  int32 minutes = 5;\n' +
      '  int32 seconds = 6;\n  int32 nanos = 7;\n  oneof time_offset {\n    google.protobuf.Duration utc_offset = 8;\n' +
      '    TimeZone time_zone = 9;\n  }\n}\nmessage TimeZone {\n  string id = 1;\n  string version = 2;\n}\n',
    ['google/protobuf/duration.proto'],
  ),
  'google/type/dayofweek.proto': file(
    'enum DayOfWeek {\n  DAY_OF_WEEK_UNSPECIFIED = 0;\n  MONDAY = 1;\n  TUESDAY = 2;\n  WEDNESDAY = 3;\n  THURSDAY = 4;\n' +
      '  FRIDAY = 5;\n  SATURDAY = 6;\n  SUNDAY = 7;\n}\n',
  ),
  'google/type/decimal.proto': file('message Decimal {\n  string value = 1;\n}\n'),
  'google/type/expr.proto': file(
    'message Expr {\n  string expression = 1;\n  string title = 2;\n  string description = 3;\n  string location = 4;\n}\n',
  ),
  'google/type/fraction.proto': file('message Fraction {\n  int64 numerator = 1;\n  int64 denominator = 2;\n}\n'),
  'google/type/interval.proto': file(
    'message Interval {\n  google.protobuf.Timestamp start_time = 1;\n  google.protobuf.Timestamp end_time = 2;\n}\n',
    ['google/protobuf/timestamp.proto'],
  ),
  'google/type/latlng.proto': file('message LatLng {\n  double latitude = 1;\n  double longitude = 2;\n}\n'),
  'google/type/money.proto': file('message Money {\n  string currency_code = 1;\n  int64 units = 2;\n  int32 nanos = 3;\n}\n'),
  'google/type/month.proto': file(
    'enum Month {\n  MONTH_UNSPECIFIED = 0;\n  JANUARY = 1;\n  FEBRUARY = 2;\n  MARCH = 3;\n  APRIL = 4;\n  MAY = 5;\n  JUNE = 6;\n' +
      '  JULY = 7;\n  AUGUST = 8;\n  SEPTEMBER = 9;\n  OCTOBER = 10;\n  NOVEMBER = 11;\n  DECEMBER = 12;\n}\n',
  ),
  'google/type/phone_number.proto': file(
    'message PhoneNumber {\n  oneof kind {\n    string e164_number = 1;\n    ShortCode short_code = 2;\n  }\n' +
      '  string extension = 3;\n  message ShortCode {\n    string region_code = 1;\n    string number = 2;\n  }\n}\n',
  ),
  'google/type/postal_address.proto': file(
    'message PostalAddress {\n  int32 revision = 1;\n  string region_code = 2;\n  string language_code = 3;\n  string postal_code = 4;\n' +
      '  string sorting_code = 5;\n  string administrative_area = 6;\n  string locality = 7;\n  string sublocality = 8;\n' +
      '  repeated string address_lines = 9;\n  repeated string recipients = 10;\n  string organization = 11;\n}\n',
  ),
  'google/type/quaternion.proto': file('message Quaternion {\n  double x = 1;\n  double y = 2;\n  double z = 3;\n  double w = 4;\n}\n'),
  'google/type/timeofday.proto': file(
    'message TimeOfDay {\n  int32 hours = 1;\n  int32 minutes = 2;\n  int32 seconds = 3;\n  int32 nanos = 4;\n}\n',
  ),
};
