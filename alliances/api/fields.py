"""Serializer fields as strict as the schema they publish: no silent coercion of input."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """Text must be sent as a JSON string: `0` or `true` for a title is a 400, not "0"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class RoundedDecimalField(serializers.DecimalField):
    """A JSON number, rounded to the field's decimal places rather than refused for them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rounding", ROUND_HALF_UP)
        super().__init__(*args, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float | str):
            self.fail("invalid")
        try:
            number = Decimal(str(data).strip())
            if number.is_finite() and self.decimal_places is not None:
                step = Decimal(1).scaleb(-self.decimal_places)
                rounded = number.quantize(step, self.rounding)
                if self.max_digits is not None and len(rounded.as_tuple().digits) > self.max_digits:
                    # Rounding up must not push a value past the largest one allowed.
                    rounded = number.quantize(step, ROUND_DOWN)
                number = rounded
        except InvalidOperation:
            self.fail("invalid")
        return super().to_internal_value(number)


class StrictModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.DecimalField: RoundedDecimalField,
    }


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer: `"3"`, `3.5` or `true` is a 400, not silently 3 or 1."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """A JSON boolean: `"yes"` or `1` is a 400."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data
