"""Every operation of the OpenAPI document, in order (written by scripts/generate.py).

The SDK's facade, its command line, the fake server's routes and the tests all read the
operations from here, so that each is named once: in the document. `ENUMS` holds the
values of the generated enums, for the command line's `--help` (which imports no model);
`PARAMETER_SCHEMAS` the schema of every parameter, for the checks of the client and the
fake server, so that a request needs no reading of the document. This module imports
nothing but `typing`.
"""

from typing import Any, Final


class Parameter:
    """One parameter of an operation."""

    __slots__ = (
        "name",
        "location",
        "required",
    )

    name: Final[str]
    location: Final[str]  # "path", "query" or "header"
    required: Final[bool]

    def __init__(
        self,
        name: str,
        location: str,
        required: bool,
    ) -> None:
        self.name = name
        self.location = location
        self.required = required

    def __repr__(self) -> str:
        return (
            "Parameter("
            f"name={self.name!r}, "
            f"location={self.location!r}, "
            f"required={self.required!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Parameter):
            return NotImplemented
        return (
            self.name == other.name
            and self.location == other.location
            and self.required == other.required
        )

    def __hash__(self) -> int:
        return hash(
            (
                self.name,
                self.location,
                self.required,
            )
        )


class Operation:
    """One operation of the document."""

    __slots__ = (
        "operation_id",
        "method",
        "path",
        "tag",
        "summary",
        "parameters",
        "body",
        "signed",
        "success",
    )

    operation_id: Final[str]
    method: Final[str]  # upper case: "GET", "POST"...
    path: Final[str]  # as in the document, with {placeholders}
    tag: Final[str]  # the generated module is threecommas_api.api.<tag>.<operation_id>
    summary: Final[str]
    parameters: Final[tuple[Parameter, ...]]
    body: Final[str | None]  # the request body's schema name
    signed: Final[bool]  # sent with Apikey and Signature
    success: Final[tuple[int, ...]]  # the documented 2xx statuses, those with a body first

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        tag: str,
        summary: str,
        parameters: tuple[Parameter, ...],
        body: str | None,
        signed: bool,
        success: tuple[int, ...],
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.tag = tag
        self.summary = summary
        self.parameters = parameters
        self.body = body
        self.signed = signed
        self.success = success

    def __repr__(self) -> str:
        return (
            "Operation("
            f"operation_id={self.operation_id!r}, "
            f"method={self.method!r}, "
            f"path={self.path!r}, "
            f"tag={self.tag!r}, "
            f"summary={self.summary!r}, "
            f"parameters={self.parameters!r}, "
            f"body={self.body!r}, "
            f"signed={self.signed!r}, "
            f"success={self.success!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Operation):
            return NotImplemented
        return (
            self.operation_id == other.operation_id
            and self.method == other.method
            and self.path == other.path
            and self.tag == other.tag
            and self.summary == other.summary
            and self.parameters == other.parameters
            and self.body == other.body
            and self.signed == other.signed
            and self.success == other.success
        )

    def __hash__(self) -> int:
        return hash(
            (
                self.operation_id,
                self.method,
                self.path,
                self.tag,
                self.summary,
                self.parameters,
                self.body,
                self.signed,
                self.success,
            )
        )


OPERATIONS: tuple[Operation, ...] = (
    Operation(
        operation_id='list_smart_trades',
        method='GET',
        path='/v2/smart_trades',
        tag='smart_trades',
        summary='List SmartTrades',
        parameters=(
            Parameter('account_id', 'query', False),
            Parameter('pair', 'query', False),
            Parameter('type', 'query', False),
            Parameter('page', 'query', False),
            Parameter('per_page', 'query', False),
            Parameter('status', 'query', False),
            Parameter('order_by', 'query', False),
            Parameter('order_direction', 'query', False),
            Parameter('from', 'query', False),
            Parameter('to', 'query', False),
            Parameter('base', 'query', False),
            Parameter('quote', 'query', False),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='create_smart_trade',
        method='POST',
        path='/v2/smart_trades',
        tag='smart_trades',
        summary='Create a SmartTrade',
        parameters=(
            Parameter('Forced-Mode', 'header', False),
        ),
        body='CreateSmartTradeRequest',
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='get_smart_trade',
        method='GET',
        path='/v2/smart_trades/{id}',
        tag='smart_trades',
        summary='Get a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='update_smart_trade',
        method='PATCH',
        path='/v2/smart_trades/{id}',
        tag='smart_trades',
        summary='Update a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body='UpdateSmartTradeRequest',
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='cancel_smart_trade',
        method='DELETE',
        path='/v2/smart_trades/{id}',
        tag='smart_trades',
        summary='Cancel a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='add_funds',
        method='POST',
        path='/v2/smart_trades/{id}/add_funds',
        tag='smart_trades',
        summary='Add funds to a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body='AddFundsRequest',
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='get_reduce_funds_info',
        method='GET',
        path='/v2/smart_trades/{id}/reduce_funds_info',
        tag='smart_trades',
        summary='How much can be reduced',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='reduce_funds',
        method='POST',
        path='/v2/smart_trades/{id}/reduce_funds',
        tag='smart_trades',
        summary='Reduce the funds of a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body='ReduceFundsRequest',
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='close_smart_trade_by_market',
        method='POST',
        path='/v2/smart_trades/{id}/close_by_market',
        tag='smart_trades',
        summary='Close a SmartTrade by market',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='set_note',
        method='POST',
        path='/v2/smart_trades/{id}/set_note',
        tag='smart_trades',
        summary='Set the note of a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body='SetNoteRequest',
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='force_start',
        method='POST',
        path='/v2/smart_trades/{id}/force_start',
        tag='smart_trades',
        summary='Force-start a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='force_process',
        method='POST',
        path='/v2/smart_trades/{id}/force_process',
        tag='smart_trades',
        summary='Force-process a SmartTrade',
        parameters=(
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='list_trades',
        method='GET',
        path='/v2/smart_trades/{smart_trade_id}/trades',
        tag='smart_trades',
        summary='List the trades of a SmartTrade',
        parameters=(
            Parameter('smart_trade_id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='cancel_trade',
        method='DELETE',
        path='/v2/smart_trades/{smart_trade_id}/trades/{id}',
        tag='smart_trades',
        summary='Cancel a trade of a SmartTrade',
        parameters=(
            Parameter('smart_trade_id', 'path', True),
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='close_trade_by_market',
        method='POST',
        path='/v2/smart_trades/{smart_trade_id}/trades/{id}/close_by_market',
        tag='smart_trades',
        summary='Close a take-profit trade by market',
        parameters=(
            Parameter('smart_trade_id', 'path', True),
            Parameter('id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(201, 200),
    ),
    Operation(
        operation_id='list_accounts',
        method='GET',
        path='/ver1/accounts',
        tag='accounts',
        summary='List the exchange accounts',
        parameters=(
            Parameter('api_key', 'query', False),
            Parameter('page', 'query', False),
            Parameter('per_page', 'query', False),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='get_account',
        method='GET',
        path='/ver1/accounts/{account_id}',
        tag='accounts',
        summary='Get an exchange account',
        parameters=(
            Parameter('account_id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
    Operation(
        operation_id='get_account_balances',
        method='POST',
        path='/ver1/accounts/{account_id}/account_table_data',
        tag='accounts',
        summary='The balances of an exchange account',
        parameters=(
            Parameter('account_id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='load_balances',
        method='POST',
        path='/ver1/accounts/{account_id}/load_balances',
        tag='accounts',
        summary='Reload the balances of an exchange account',
        parameters=(
            Parameter('account_id', 'path', True),
            Parameter('Forced-Mode', 'header', False),
        ),
        body=None,
        signed=True,
        success=(201,),
    ),
    Operation(
        operation_id='list_markets',
        method='GET',
        path='/ver1/accounts/market_list',
        tag='market',
        summary='List the supported markets',
        parameters=(
        ),
        body=None,
        signed=False,
        success=(200,),
    ),
    Operation(
        operation_id='list_market_pairs',
        method='GET',
        path='/ver1/accounts/market_pairs',
        tag='market',
        summary='List the pairs of a market',
        parameters=(
            Parameter('market_code', 'query', True),
        ),
        body=None,
        signed=False,
        success=(200,),
    ),
    Operation(
        operation_id='get_currency_rates',
        method='GET',
        path='/ver1/accounts/currency_rates',
        tag='market',
        summary='Get the rates and the trading limits of a pair',
        parameters=(
            Parameter('market_code', 'query', True),
            Parameter('pair', 'query', True),
            Parameter('limit_type', 'query', False),
        ),
        body=None,
        signed=False,
        success=(200,),
    ),
    Operation(
        operation_id='get_currency_rates_with_leverage_data',
        method='GET',
        path='/ver1/accounts/currency_rates_with_leverage_data',
        tag='market',
        summary='Get the rates, the trading limits and the leverage of a pair',
        parameters=(
            Parameter('market_code', 'query', True),
            Parameter('pair', 'query', True),
        ),
        body=None,
        signed=False,
        success=(200,),
    ),
    Operation(
        operation_id='validate_key',
        method='GET',
        path='/ver1/validate',
        tag='auth',
        summary='Check the API key and the signature',
        parameters=(
        ),
        body=None,
        signed=True,
        success=(200,),
    ),
)

BY_ID: dict[str, Operation] = {op.operation_id: op for op in OPERATIONS}

#: Enum name (as in threecommas_api.models) -> its values, in the enum's order.
ENUMS: dict[str, tuple[str, ...]] = {
    'ForcedMode': ('paper', 'real'),
    'OrderSide': ('buy', 'sell'),
    'PositionOrderType': ('conditional', 'limit', 'market'),
    'OrderType': ('limit', 'market'),
    'PriceType': ('ask', 'bid', 'last'),
    'LeverageType': ('cross', 'isolated'),
    'SmartTradeType': ('simple_buy', 'simple_sell', 'smart_buy', 'smart_cover', 'smart_sell', 'smart_trade'),
    'SmartTradeStatusFilter': ('active', 'all', 'cancelled', 'failed', 'finished', 'successfully_finished'),
    'SmartTradeOrderBy': ('closed_at', 'created_at', 'profit', 'profit_percentage', 'status', 'updated_at'),
    'OrderDirection': ('asc', 'desc'),
    'LimitType': ('bot', 'smart_trade'),
}

#: Operation id -> location -> parameter name -> its schema, references followed.
PARAMETER_SCHEMAS: dict[str, dict[str, dict[str, dict[str, Any]]]] = {
    'list_smart_trades': {
        'query': {
            'account_id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
            'pair': {'type': 'string', 'pattern': '^[A-Za-z0-9]+_[A-Za-z0-9]+$'},
            'type': {'type': 'string', 'enum': ['simple_buy', 'simple_sell', 'smart_sell', 'smart_buy', 'smart_trade', 'smart_cover']},
            'page': {'type': 'integer', 'minimum': 1, 'maximum': 1000000, 'default': 1},
            'per_page': {'type': 'integer', 'minimum': 1, 'maximum': 100, 'default': 10},
            'status': {'anyOf': [{'type': 'string', 'enum': ['all', 'active', 'finished', 'successfully_finished', 'cancelled', 'failed']}, {'x-docs-form': 'alias', 'x-canonical': {'successfully_finish': 'successfully_finished'}, 'type': 'string', 'enum': ['successfully_finish']}]},
            'order_by': {'type': 'string', 'enum': ['created_at', 'updated_at', 'closed_at', 'status', 'profit', 'profit_percentage']},
            'order_direction': {'anyOf': [{'type': 'string', 'enum': ['asc', 'desc']}, {'x-docs-form': 'alias', 'x-canonical': {'ASC': 'asc', 'DESC': 'desc'}, 'type': 'string', 'enum': ['ASC', 'DESC']}]},
            'from': {'type': 'string', 'format': 'date-time'},
            'to': {'type': 'string', 'format': 'date-time'},
            'base': {'type': 'string', 'pattern': '^[A-Za-z0-9]+$'},
            'quote': {'type': 'string', 'pattern': '^[A-Za-z0-9]+$'},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'create_smart_trade': {
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'get_smart_trade': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'update_smart_trade': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'cancel_smart_trade': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'add_funds': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'get_reduce_funds_info': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'reduce_funds': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'close_smart_trade_by_market': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'set_note': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'force_start': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'force_process': {
        'path': {
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'list_trades': {
        'path': {
            'smart_trade_id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'cancel_trade': {
        'path': {
            'smart_trade_id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'close_trade_by_market': {
        'path': {
            'smart_trade_id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
            'id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'list_accounts': {
        'query': {
            'api_key': {'type': 'string', 'minLength': 1, 'maxLength': 512},
            'page': {'type': 'integer', 'minimum': 1, 'maximum': 1000000, 'default': 1},
            'per_page': {'type': 'integer', 'minimum': 1, 'maximum': 100, 'default': 100},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'get_account': {
        'path': {
            'account_id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'get_account_balances': {
        'path': {
            'account_id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'load_balances': {
        'path': {
            'account_id': {'type': 'integer', 'format': 'int64', 'minimum': 1, 'maximum': 9223372036854775807},
        },
        'header': {
            'Forced-Mode': {'type': 'string', 'enum': ['real', 'paper']},
        },
    },
    'list_markets': {
    },
    'list_market_pairs': {
        'query': {
            'market_code': {'type': 'string', 'pattern': '^[A-Za-z0-9_]+$', 'maxLength': 64},
        },
    },
    'get_currency_rates': {
        'query': {
            'market_code': {'type': 'string', 'pattern': '^[A-Za-z0-9_]+$', 'maxLength': 64},
            'pair': {'type': 'string', 'pattern': '^[A-Za-z0-9]+_[A-Za-z0-9]+$', 'maxLength': 64},
            'limit_type': {'type': 'string', 'enum': ['smart_trade', 'bot']},
        },
    },
    'get_currency_rates_with_leverage_data': {
        'query': {
            'market_code': {'type': 'string', 'pattern': '^[A-Za-z0-9_]+$', 'maxLength': 64},
            'pair': {'type': 'string', 'pattern': '^[A-Za-z0-9]+_[A-Za-z0-9]+$', 'maxLength': 64},
        },
    },
    'validate_key': {
    },
}
